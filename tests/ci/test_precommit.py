#!/usr/bin/env python3
"""The pre-commit hook for real: Debian's pre-commit, installed in a
throwaway git repository, blocks a commit that adds an unqualified health
claim and lets the same claim through once it is qualified. The hook comes
from the repository's own .pre-commit-hooks.yaml, committed to a throwaway
hook repository so pre-commit clones it as it would a release."""

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ci_common as ci  # noqa: E402

MANIFEST = ci.SRCDIR / ".pre-commit-hooks.yaml"
CLAIM = "Our therapy cures arthritis.\n"
QUALIFIED = ("In a small trial, our therapy cured arthritis in some "
             "patients [1].\n")


class PreCommit(ci.TempDirTest):
    def setUp(self):
        super().setUp()
        ci.need(shutil.which("pre-commit"), "pre-commit (apt-get install "
                                            "pre-commit)")
        ci.need(shutil.which("git"), "git")
        self.env = ci.clean_env(str(self.home),
                                PRE_COMMIT_HOME=str(self.tmp / "cache"))

    def git(self, *args, cwd, codes=(0,)):
        return ci.run(["git", *args], cwd=cwd, env=self.env,
                      check_codes=list(codes))

    def test_manifest_is_valid(self):
        p = ci.run(["pre-commit", "validate-manifest", str(MANIFEST)],
                   env=self.env)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_commit_is_blocked_until_the_claim_is_qualified(self):
        hooks = self.tmp / "hooks"
        hooks.mkdir()
        self.git("init", "-q", cwd=hooks)
        shutil.copy(MANIFEST, hooks / ".pre-commit-hooks.yaml")
        self.git("add", "-A", cwd=hooks)
        self.git("commit", "-q", "-m", "hooks", cwd=hooks)
        rev = self.git("rev-parse", "HEAD", cwd=hooks).stdout.strip()

        site = self.tmp / "site"
        site.mkdir()
        self.git("init", "-q", cwd=site)
        ci.demo_workspace(site)
        (site / ".pre-commit-config.yaml").write_text(
            "repos:\n"
            f"  - repo: {hooks}\n"
            f"    rev: {rev}\n"
            "    hooks:\n"
            "      - id: claimlint\n")
        self.git("add", "-A", cwd=site)
        self.git("commit", "-q", "-m", "setup", cwd=site)
        p = ci.run(["pre-commit", "install"], cwd=site, env=self.env)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

        (site / "page.md").write_text("# Arthritis care\n\n" + CLAIM)
        # Not one of the hook's file types: never passed to claimlint,
        # which would report it if it were (named files are always read).
        (site / "notes.py").write_text("# " + CLAIM)
        self.git("add", "-A", cwd=site)
        p = self.git("commit", "-m", "add page", cwd=site, codes=(0, 1))
        out = p.stdout + p.stderr
        self.assertEqual(p.returncode, 1, out)
        self.assertIn("claimlint", out)
        self.assertIn("page.md:3:13: error: 'cures arthritis' claims a cure "
                      "[demo/cure]", out)
        self.assertNotIn("notes.py", out)
        log = self.git("log", "--oneline", cwd=site).stdout.splitlines()
        self.assertEqual(len(log), 1, "the commit must not have happened")

        (site / "page.md").write_text("# Arthritis care\n\n" + QUALIFIED)
        self.git("add", "-A", cwd=site)
        p = self.git("commit", "-m", "add page", cwd=site, codes=(0, 1))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        log = self.git("log", "--oneline", cwd=site).stdout.splitlines()
        self.assertEqual(len(log), 2)


if __name__ == "__main__":
    ci.main()
