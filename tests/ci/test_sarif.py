#!/usr/bin/env python3
"""claimlint's SARIF against the official SARIF 2.1.0 JSON Schema and the
SARIF multitool's GitHub ingestion rules.

The schema and the multitool come from the npm package
@microsoft/sarif-multitool-linux (scripts/deps-npm), never from copies in this
repository. The multitool's exit status is 0 even when it finds problems, so
its output log is read instead. A broken log checks that both validators can
fail.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ci_common as ci  # noqa: E402

HERE = Path(__file__).resolve().parent
VALIDATOR = HERE / "validate-sarif.js"


def make_logs(out: Path) -> dict:
    """Runs claimlint in the situations that shape a SARIF log; returns
    name -> path."""
    cl = ci.claimlint()
    demo = ["--rules-dir", str(ci.DEMO_PACK)]
    page = ci.SRCDIR / "tests" / "e2e" / "cli" / "sarif" / "page.md"
    work = out / "work"
    work.mkdir()
    (work / "clean.md").write_text("Physiotherapy may ease stiffness.\n")
    (work / "qualified.md").write_text(
        "Our therapy may cure arthritis in some patients.\n\n"
        "In a small trial, our therapy cured arthritis in some patients "
        "[1].\n\nOur therapy does not cure arthritis.\n")
    (work / "directives.md").write_text(
        "<!-- claimlint-disable-next-line demo/pain-free -- nothing here -->\n"
        "A plain sentence.\n\nOur therapy cures hip pain.\n")
    runs = {
        "findings": ([*demo, str(page)], None),
        "clean": ([*demo, "clean.md"], None),
        "qualified": ([*demo, "--show-qualified", "qualified.md"], None),
        "stdin": ([*demo, "--stdin-filename", "docs/a b#1.md", "-"],
                  "It cures your arthritis \U0001F642 and you live "
                  "pain-free.\n"),
        "directives": ([*demo, "directives.md"], None),
        "examples": ([str(ci.SRCDIR / "docs" / "examples")], None),
    }
    logs = {}
    for name, (args, stdin) in runs.items():
        path = out / f"{name}.sarif"
        p = subprocess.run(
            [cl, "--no-config", "--format", "sarif", "-o", str(path), *args],
            cwd=work, input=stdin, capture_output=True, text=True,
            timeout=60)
        if p.returncode not in (0, 1):
            raise AssertionError(f"{name}: exit {p.returncode}: {p.stderr}")
        logs[name] = path
    return logs


def break_log(good: Path, bad: Path) -> None:
    """The faults GitHub rejects: column 0, no message text, a rule without
    full description or help."""
    log = json.loads(good.read_text())
    run = log["runs"][0]
    res = run["results"][0]
    res["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    res["message"] = {"markdown": "no text"}
    rule = run["tool"]["driver"]["rules"][0]
    rule.pop("fullDescription", None)
    rule.pop("help", None)
    bad.write_text(json.dumps(log))


class SarifValidation(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="claimlint-sarif-")
        cls.tmp = Path(cls._tmp.name)
        cls.logs = make_logs(cls.tmp)
        cls.bad = cls.tmp / "broken.sarif"
        break_log(cls.logs["findings"], cls.bad)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def test_logs_have_what_the_cases_need(self):
        find = json.loads(self.logs["findings"].read_text())["runs"][0]
        self.assertGreaterEqual(len(find["results"]), 3)
        self.assertTrue(any(r.get("fixes") for r in find["results"]))
        clean = json.loads(self.logs["clean"].read_text())["runs"][0]
        self.assertEqual(clean["results"], [])
        qual = json.loads(self.logs["qualified"].read_text())["runs"][0]
        self.assertIn("note", {r["level"] for r in qual["results"]})
        statuses = {r["properties"]["claimStatus"] for r in qual["results"]}
        self.assertGreaterEqual(len(statuses), 2, statuses)
        stdin = json.loads(self.logs["stdin"].read_text())["runs"][0]
        uri = stdin["results"][0]["locations"][0]["physicalLocation"][
            "artifactLocation"]["uri"]
        self.assertEqual(uri, "docs/a%20b%231.md")
        direc = json.loads(self.logs["directives"].read_text())["runs"][0]
        self.assertIn("claimlint/unused-suppression",
                      {r["ruleId"] for r in direc["results"]})

    def schema_check(self, *logs):
        node_dir = ci.npm_dir()
        return subprocess.run(
            ["node", str(VALIDATOR), str(node_dir), *map(str, logs)],
            capture_output=True, text=True, timeout=120)

    def test_schema_accepts_every_log(self):
        p = self.schema_check(*self.logs.values())
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("sarif-multitool-linux/sarif-2.1.0.json", p.stdout)
        self.assertEqual(p.stdout.count("valid SARIF 2.1.0"), len(self.logs))

    def test_schema_rejects_a_broken_log(self):
        p = self.schema_check(self.bad)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("startColumn must be >= 1", p.stdout)

    def test_multitool_github_rules(self):
        tool = (ci.npm_dir() / "node_modules" / "@microsoft" /
                "sarif-multitool-linux" / "Sarif.Multitool")
        ci.need(tool.exists(), f"{tool} not installed")
        out = self.tmp / "validation.sarif"
        home = self.tmp / "home"
        home.mkdir(exist_ok=True)
        env = dict(os.environ, HOME=str(home),
                   DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1",
                   DOTNET_CLI_TELEMETRY_OPTOUT="1")
        p = subprocess.run(
            [str(tool), "validate", *map(str, self.logs.values()),
             str(self.bad), "-o", str(out), "--log", "ForceOverwrite",
             "--rule-kind", "Sarif;Gh"],
            capture_output=True, text=True, env=env, timeout=300)
        # The exit status says nothing about the logs: read the results.
        self.assertTrue(out.exists(), p.stdout + p.stderr)
        results = json.loads(out.read_text())["runs"][0].get("results", [])
        by_file = {}
        for r in results:
            uri = r["locations"][0]["physicalLocation"]["artifactLocation"][
                "uri"]
            name = Path(uri.replace("file://", "")).name
            level = r.get("level", "warning")  # SARIF's default level
            by_file.setdefault(name, []).append(
                (level, r["ruleId"], json.dumps(r["message"])))
        problems = [
            f"{f}: {lvl} {rule} {msg}" for f, rs in by_file.items()
            if f != self.bad.name for lvl, rule, msg in rs
            if lvl in ("error", "warning")]
        self.assertEqual(problems, [], "\n".join(problems))
        bad_rules = {rule for lvl, rule, _ in by_file.get(self.bad.name, [])
                     if lvl == "error"}
        # Negative control: the broken log's faults are found, including
        # GitHub's own rule about rule help.
        self.assertTrue(bad_rules, by_file)
        self.assertTrue(any(r.startswith("GH") for r in bad_rules), bad_rules)


if __name__ == "__main__":
    ci.main()
