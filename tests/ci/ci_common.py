"""Shared helpers of the CI-integration tests in tests/ci.

CTest runs each test_*.py with these variables set:
  CLAIMLINT           the claimlint binary under test
  CLAIMLINT_NPM_DIR   the folder scripts/deps-npm installed node_modules into

A tool that is missing (npm packages, pre-commit, git, PyYAML) skips the
tests that need it on a developer machine, but fails them under CI=true, where
scripts/deps and scripts/deps-npm must have installed everything.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SRCDIR = Path(__file__).resolve().parents[2]
DEMO_PACK = SRCDIR / "tests" / "e2e" / "cli" / "_packs" / "demo"
IN_CI = os.environ.get("CI") == "true"


def need(condition, why):
    """Skips the test when condition is false, or fails it under CI."""
    if condition:
        return
    if IN_CI:
        raise AssertionError(f"missing in CI: {why}")
    raise unittest.SkipTest(why)


def claimlint() -> str:
    path = os.environ.get("CLAIMLINT", "")
    if not path or not os.access(path, os.X_OK):
        raise unittest.SkipTest("CLAIMLINT is not set to the binary under test")
    return path


def npm_dir() -> Path:
    d = Path(os.environ.get("CLAIMLINT_NPM_DIR", "/nonexistent"))
    need((d / "node_modules").is_dir(),
         f"npm packages not installed in {d} (scripts/deps-npm)")
    return d


def path_with_claimlint() -> str:
    """PATH with the folder of the binary under test first."""
    return os.path.dirname(claimlint()) + os.pathsep + os.environ.get("PATH", "")


def clean_env(home: str, **extra) -> dict:
    """A small, predictable environment for child processes."""
    env = {
        "PATH": path_with_claimlint(),
        "HOME": home,
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    env.update(extra)
    return env


def demo_workspace(root: Path) -> None:
    """Makes root a workspace checked with the small demo pack only, so the
    tests do not depend on the evolving built-in packs."""
    shutil.copytree(DEMO_PACK, root / "rules-test" / "demo")
    (root / ".claimlint.json").write_text(json.dumps(
        {"root": True, "rulesDirs": ["rules-test"], "disable": ["health/*"]}))


def run(cmd, cwd=None, env=None, check_codes=None, input_text=None):
    p = subprocess.run(cmd, cwd=cwd, env=env, input=input_text,
                       capture_output=True, text=True, timeout=120)
    if check_codes is not None and p.returncode not in check_codes:
        raise AssertionError(
            f"{cmd!r} exited {p.returncode}\nstdout:\n{p.stdout}\n"
            f"stderr:\n{p.stderr}")
    return p


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="claimlint-ci-")
        self.tmp = Path(self._tmp.name)
        self.home = self.tmp / "home"
        self.home.mkdir()

    def tearDown(self):
        self._tmp.cleanup()


def main():
    """Runs the module's tests; exit 77 (CTest: skipped) when all skipped."""
    prog = unittest.main(exit=False, verbosity=2)
    r = prog.result
    if not r.wasSuccessful():
        sys.exit(1)
    if r.testsRun and len(r.skipped) == r.testsRun:
        sys.exit(77)
    sys.exit(0)
