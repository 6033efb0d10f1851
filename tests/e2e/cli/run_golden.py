#!/usr/bin/env python3
"""Run one golden CLI test case of claimlint and compare its output exactly.

A case is a folder tests/e2e/cli/<case>/ holding:

  cmd              one line of shell words (no shell is run: no pipes or
                   redirections). Placeholders: %claimlint is the binary under
                   test, %srcdir the repository root.
  stdin            optional; fed to the command's standard input (else empty).
  expected.stdout  the exact standard output; absent means it must be empty.
  expected.stderr  the exact standard error; absent means it must be empty.
  expected.exit    the exit status as a number; absent means 0.

The command runs with the case folder as working directory and a scrubbed
environment: PATH, LANG=C.UTF-8, NO_COLOR=1, TERM=dumb, HOME set to a fresh
empty temporary folder, sanitizer options kept, and nothing else (in particular
no CLAIMLINT_* variables). Before comparing, the absolute paths of the binary,
the case folder, the repository and HOME in the output are replaced by
%claimlint, %case, %srcdir and %home.

On a mismatch it prints a unified diff and exits 1. With CLAIMLINT_BLESS=1 in
its own environment it rewrites the expected files from the actual results
instead (removing expected.stdout/expected.stderr when the output is empty).

Usage: run_golden.py --claimlint PATH --case DIR
"""

import argparse
import difflib
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

SRCDIR = Path(__file__).resolve().parents[3]
TIMEOUT_SECONDS = 120
KEPT_VARIABLES = (
    "PATH",
    "LD_LIBRARY_PATH",
    "ASAN_OPTIONS",
    "UBSAN_OPTIONS",
    "LSAN_OPTIONS",
    "MSAN_OPTIONS",
    "TSAN_OPTIONS",
    "LLVM_PROFILE_FILE",
)


def read_optional(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def expected_exit(case: Path) -> int:
    path = case / "expected.exit"
    if not path.exists():
        return 0
    text = path.read_text(encoding="utf-8").strip()
    try:
        return int(text)
    except ValueError:
        raise SystemExit(f"{path}: not a number: {text!r}")


def scrubbed_env(home: str) -> dict:
    env = {name: os.environ[name] for name in KEPT_VARIABLES if name in os.environ}
    env.setdefault("PATH", os.defpath)
    env.update({"LANG": "C.UTF-8", "NO_COLOR": "1", "TERM": "dumb", "HOME": home})
    return env


def command_words(case: Path, claimlint: str) -> list:
    lines = [
        line
        for line in (case / "cmd").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if len(lines) != 1:
        raise SystemExit(f"{case / 'cmd'}: expected exactly one command line")
    words = shlex.split(lines[0])
    return [
        w.replace("%claimlint", claimlint).replace("%srcdir", str(SRCDIR))
        for w in words
    ]


def normalise(data: bytes, replacements: list) -> bytes:
    for path, placeholder in replacements:
        data = data.replace(path.encode("utf-8"), placeholder.encode("utf-8"))
    return data


def diff(expected: bytes, actual: bytes, name: str) -> str:
    def lines(data: bytes) -> list:
        out = data.decode("utf-8", errors="backslashreplace").splitlines(True)
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
        return out

    return "".join(
        difflib.unified_diff(
            lines(expected), lines(actual), f"{name} (expected)", f"{name} (actual)"
        )
    )


def bless(case: Path, stdout: bytes, stderr: bytes, status: int) -> None:
    for name, data in (("expected.stdout", stdout), ("expected.stderr", stderr)):
        path = case / name
        if data:
            path.write_bytes(data)
        elif path.exists():
            path.unlink()
    (case / "expected.exit").write_text(f"{status}\n", encoding="utf-8")
    print(f"blessed {case.name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claimlint", required=True, help="binary under test")
    parser.add_argument("--case", required=True, help="case folder")
    args = parser.parse_args()

    claimlint = str(Path(args.claimlint).resolve())
    case = Path(args.case).resolve()
    if not (case / "cmd").is_file():
        print(f"{case}: no 'cmd' file", file=sys.stderr)
        return 2
    words = command_words(case, claimlint)
    stdin = read_optional(case / "stdin")

    with tempfile.TemporaryDirectory(prefix="claimlint-golden-home-") as home:
        home = str(Path(home).resolve())
        try:
            proc = subprocess.run(
                words,
                cwd=case,
                env=scrubbed_env(home),
                input=stdin,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            print(f"{case.name}: timed out after {TIMEOUT_SECONDS} s", file=sys.stderr)
            return 1
        except OSError as err:
            print(f"{case.name}: cannot run {words[0]}: {err}", file=sys.stderr)
            return 1
        # Longest paths first: the case folder lies inside the repository.
        replacements = sorted(
            [
                (claimlint, "%claimlint"),
                (str(case), "%case"),
                (str(SRCDIR), "%srcdir"),
                (home, "%home"),
            ],
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
        stdout = normalise(proc.stdout, replacements)
        stderr = normalise(proc.stderr, replacements)

    if os.environ.get("CLAIMLINT_BLESS") == "1":
        bless(case, stdout, stderr, proc.returncode)
        return 0

    failed = False
    for name, actual in (("expected.stdout", stdout), ("expected.stderr", stderr)):
        expected = read_optional(case / name)
        if expected != actual:
            failed = True
            print(f"{case.name}: {name} differs", file=sys.stderr)
            sys.stderr.write(diff(expected, actual, name))
    want = expected_exit(case)
    if proc.returncode != want:
        failed = True
        got = (
            f"killed by signal {-proc.returncode}"
            if proc.returncode < 0
            else f"exit {proc.returncode}"
        )
        print(f"{case.name}: expected exit {want}, got {got}", file=sys.stderr)
    if failed:
        print(
            f"command: {shlex.join(words)}\n"
            f"(to accept the actual output: CLAIMLINT_BLESS=1 ctest -R 'cli/{case.name}$')",
            file=sys.stderr,
        )
        return 1
    print(f"{case.name}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
