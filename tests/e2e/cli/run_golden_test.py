#!/usr/bin/env python3
"""Tests of run_golden.py, with a stand-in binary that runs its first argument
as a shell command."""

import os
import stat
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

RUNNER = Path(__file__).resolve().with_name("run_golden.py")


class RunGoldenTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="run-golden-test-")
        self.root = Path(self.tmp.name).resolve()
        self.fake = self.root / "fake-claimlint"
        self.fake.write_text('#!/bin/sh\neval "$1"\n', encoding="utf-8")
        self.fake.chmod(self.fake.stat().st_mode | stat.S_IXUSR)
        self.case = self.root / "case"
        self.case.mkdir()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        (self.case / name).write_text(text, encoding="utf-8")

    def run_case(self, **extra_env):
        env = dict(os.environ)
        env.pop("CLAIMLINT_BLESS", None)
        env.update(extra_env)
        return subprocess.run(
            [sys.executable, str(RUNNER), "--claimlint", str(self.fake),
             "--case", str(self.case)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def test_matching_output_passes(self):
        self.write("cmd", "%claimlint 'echo hello; echo oops >&2; exit 1'\n")
        self.write("expected.stdout", "hello\n")
        self.write("expected.stderr", "oops\n")
        self.write("expected.exit", "1\n")
        result = self.run_case()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("case: ok", result.stdout)

    def test_stdout_mismatch_fails_with_diff(self):
        self.write("cmd", "%claimlint 'echo hello'\n")
        self.write("expected.stdout", "goodbye\n")
        result = self.run_case()
        self.assertEqual(result.returncode, 1)
        self.assertIn("-goodbye", result.stderr)
        self.assertIn("+hello", result.stderr)

    def test_missing_trailing_newline_is_a_mismatch(self):
        self.write("cmd", "%claimlint 'printf hello'\n")
        self.write("expected.stdout", "hello\n")
        result = self.run_case()
        self.assertEqual(result.returncode, 1)
        self.assertIn("No newline at end of file", result.stderr)

    def test_absent_expected_files_mean_empty_output_and_exit_zero(self):
        self.write("cmd", "%claimlint 'echo noise >&2'\n")
        self.assertEqual(self.run_case().returncode, 1)
        self.write("cmd", "%claimlint 'exit 3'\n")
        result = self.run_case()
        self.assertEqual(result.returncode, 1)
        self.assertIn("expected exit 0, got exit 3", result.stderr)
        self.write("cmd", "%claimlint 'true'\n")
        self.assertEqual(self.run_case().returncode, 0)

    def test_environment_is_scrubbed_and_paths_normalised(self):
        self.write(
            "cmd",
            "%claimlint 'echo ${CLAIMLINT_RULES:-unset} $NO_COLOR $TERM $HOME; "
            "pwd; ls -A $HOME | wc -l; echo $0'\n")
        self.write("expected.stdout", "unset 1 dumb %home\n%case\n0\n%claimlint\n")
        result = self.run_case(CLAIMLINT_RULES="x", TERM="xterm-256color")
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_stdin_is_fed(self):
        self.write("cmd", "%claimlint 'tr a-z A-Z'\n")
        self.write("stdin", "pain-free\n")
        self.write("expected.stdout", "PAIN-FREE\n")
        self.assertEqual(self.run_case().returncode, 0)

    def test_bless_rewrites_expected_files(self):
        self.write("cmd", "%claimlint 'echo fresh; exit 2'\n")
        self.write("expected.stdout", "stale\n")
        self.write("expected.stderr", "stale\n")
        result = self.run_case(CLAIMLINT_BLESS="1")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual((self.case / "expected.stdout").read_text(), "fresh\n")
        self.assertFalse((self.case / "expected.stderr").exists())
        self.assertEqual((self.case / "expected.exit").read_text(), "2\n")
        self.assertEqual(self.run_case().returncode, 0)

    def test_cmd_must_be_one_line(self):
        self.write("cmd", "%claimlint true\n%claimlint false\n")
        self.assertNotEqual(self.run_case().returncode, 0)


if __name__ == "__main__":
    unittest.main()
