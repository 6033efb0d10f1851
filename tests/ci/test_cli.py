#!/usr/bin/env python3
"""Command-line behaviour of the CI options against real tools: --diff-base
with real git repositories, --format github writing $GITHUB_STEP_SUMMARY,
and the XML formats read back by XML parsers (ElementTree, and xmllint when
installed)."""

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ci_common as ci  # noqa: E402


class Cli(ci.TempDirTest):
    def setUp(self):
        super().setUp()
        self.ws = self.tmp / "ws"
        self.ws.mkdir()
        ci.demo_workspace(self.ws)
        self.env = ci.clean_env(str(self.home))

    def claimlint(self, *args, cwd=None, env=None):
        return subprocess.run([ci.claimlint(), *args], cwd=cwd or self.ws,
                              env=env or self.env, capture_output=True,
                              text=True, timeout=60)

    def git(self, *args, cwd=None):
        return ci.run(["git", *args], cwd=cwd or self.ws, env=self.env,
                      check_codes=[0])

    def found(self, *args, cwd=None):
        p = self.claimlint("--format", "json", *args, cwd=cwd)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        return [(d["path"], d["line"], d["rule"])
                for d in json.loads(p.stdout)["diagnostics"]]


class DiffBase(Cli):
    def setUp(self):
        super().setUp()
        ci.need(shutil.which("git"), "git")
        (self.ws / "docs").mkdir()
        (self.ws / "docs" / "a.md").write_text(
            "# A\n\nOur therapy cures arthritis.\n\nPlain text.\n")
        (self.ws / "docs" / "b.md").write_text("Live pain-free.\n")
        self.git("init", "-q", "-b", "main")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "base")

    def test_without_changes_nothing_is_reported(self):
        self.assertEqual(len(self.found("docs/")), 2)
        self.assertEqual(self.found("--diff-base", "HEAD", "docs/"), [])
        p = self.claimlint("--diff-base", "HEAD", "docs/")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_only_added_and_changed_lines_count(self):
        a = self.ws / "docs" / "a.md"
        a.write_text("# A\n\nOur therapy cures arthritis.\n\n"
                     "Plain text, now pain-free.\n")
        (self.ws / "docs" / "new.md").write_text(
            "First.\n\nIt cures your hip pain.\n")  # untracked
        self.assertEqual(
            self.found("--diff-base", "HEAD", "docs/"),
            [("docs/a.md", 5, "demo/pain-free"),
             ("docs/new.md", 3, "demo/cure")])

    def test_paths_from_a_subfolder_and_absolute_paths(self):
        with open(self.ws / "docs" / "b.md", "a") as f:
            f.write("It cures your hip pain.\n")
        self.assertEqual(
            self.found("--diff-base", "HEAD", ".", cwd=self.ws / "docs"),
            [("b.md", 2, "demo/cure")])
        absolute = str(self.ws / "docs" / "b.md")
        self.assertEqual(self.found("--diff-base", "HEAD", absolute),
                         [(absolute, 2, "demo/cure")])

    def test_a_branch_is_judged_from_its_merge_base(self):
        self.git("checkout", "-q", "-b", "feature")
        with open(self.ws / "docs" / "b.md", "a") as f:
            f.write("\nIt cures your hip pain.\n")
        self.git("commit", "-q", "-am", "feature")
        # Meanwhile main fixes a line the branch still has in its old form.
        self.git("checkout", "-q", "main")
        (self.ws / "docs" / "a.md").write_text(
            "# A\n\nOur therapy may ease arthritis.\n\nPlain text.\n")
        self.git("commit", "-q", "-am", "fix on main")
        self.git("checkout", "-q", "feature")
        self.assertEqual(self.found("--diff-base", "main", "docs/"),
                         [("docs/b.md", 3, "demo/cure")])

    def test_renamed_file_keeps_its_old_lines(self):
        self.git("mv", "docs/a.md", "docs/renamed.md")
        with open(self.ws / "docs" / "renamed.md", "a") as f:
            f.write("\nLive pain-free.\n")
        self.assertEqual(self.found("--diff-base", "HEAD", "docs/"),
                         [("docs/renamed.md", 7, "demo/pain-free")])

    def test_errors(self):
        p = self.claimlint("--diff-base", "no-such-revision", "docs/")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--diff-base", p.stderr)
        outside = self.tmp / "outside"
        outside.mkdir()
        ci.demo_workspace(outside)
        (outside / "a.md").write_text("x\n")
        p = self.claimlint("--diff-base", "HEAD", "a.md", cwd=outside)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--diff-base", p.stderr)


class GitHubSummary(Cli):
    def test_summary_file_is_appended(self):
        (self.ws / "a.md").write_text("Our therapy cures arthritis | now.\n")
        summary = self.tmp / "summary.md"
        summary.write_text("before\n")
        env = dict(self.env, GITHUB_STEP_SUMMARY=str(summary))
        p = self.claimlint("--format", "github", "a.md", env=env)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertTrue(p.stdout.startswith("::error file=a.md,line=1,"))
        text = summary.read_text()
        self.assertTrue(text.startswith("before\n### claimlint\n"))
        self.assertIn("| error | a.md:1:13 | demo/cure | 'cures arthritis' "
                      "claims a cure |", text)

    def test_no_summary_without_the_variable_or_in_other_formats(self):
        (self.ws / "a.md").write_text("Our therapy cures arthritis.\n")
        summary = self.tmp / "summary.md"
        env = dict(self.env, GITHUB_STEP_SUMMARY=str(summary))
        self.claimlint("--format", "text", "a.md", env=env)
        self.assertFalse(summary.exists())


class XmlFormats(Cli):
    HOSTILE = "a&b<c>'d\"e.md"

    def setUp(self):
        super().setUp()
        (self.ws / self.HOSTILE).write_text(
            "Our therapy cures arthritis.\n\x01\nLive pain-free.\n")
        (self.ws / "clean.md").write_text("Nothing.\n")

    def check_xml(self, fmt):
        p = self.claimlint("--format", fmt, self.HOSTILE, "clean.md")
        self.assertEqual(p.returncode, 1, p.stderr)
        out = self.tmp / f"out.{fmt}.xml"
        out.write_text(p.stdout)
        if shutil.which("xmllint"):
            x = subprocess.run(["xmllint", "--noout", str(out)],
                               capture_output=True, text=True)
            self.assertEqual(x.returncode, 0, x.stderr)
        return ET.parse(out).getroot()

    def test_checkstyle(self):
        root = self.check_xml("checkstyle")
        files = root.findall("file")
        self.assertEqual([f.get("name") for f in files], [self.HOSTILE])
        errors = files[0].findall("error")
        self.assertEqual([(e.get("line"), e.get("column"), e.get("severity"),
                           e.get("source")) for e in errors],
                         [("1", "13", "error", "demo/cure"),
                          ("3", "6", "warning", "demo/pain-free")])
        self.assertEqual(errors[0].get("message"),
                         "'cures arthritis' claims a cure")

    def test_junit(self):
        root = self.check_xml("junit")
        self.assertEqual((root.get("tests"), root.get("failures")),
                         ("3", "2"))
        cases = root.iter("testcase")
        names = [(c.get("classname"), c.get("name")) for c in cases]
        self.assertEqual(len(names), len(set(names)))
        self.assertIn((self.HOSTILE, self.HOSTILE + ":1:13 demo/cure"),
                      names)
        self.assertIn(("clean.md", "clean.md: no findings"), names)


class MaxWarnings(Cli):
    def test_rejects_negative_limits(self):
        (self.ws / "a.md").write_text("x\n")
        p = self.claimlint("--max-warnings", "-5", "a.md")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--max-warnings", p.stderr)


if __name__ == "__main__":
    ci.main()
