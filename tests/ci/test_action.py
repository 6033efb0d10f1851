#!/usr/bin/env python3
"""The GitHub Action in plugins/github-action: action.yml and the example
workflow pass @action-validator/cli, and its scripts work in a fake runner
environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP...)."""

import json
import shutil
import subprocess
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ci_common as ci  # noqa: E402

ACTION = ci.SRCDIR / "plugins" / "github-action"


def validator() -> Path:
    return ci.npm_dir() / "node_modules" / ".bin" / "action-validator"


class ActionValidator(ci.TempDirTest):
    def validate(self, path):
        return subprocess.run([str(validator()), str(path)],
                              capture_output=True, text=True, timeout=60)

    def test_action_and_example_workflow_are_valid(self):
        for f in (ACTION / "action.yml",
                  ACTION / "examples" / "claimlint.yml"):
            p = self.validate(f)
            self.assertEqual(p.returncode, 0, f"{f}:\n{p.stdout}{p.stderr}")

    def test_validator_catches_a_run_step_without_shell(self):
        text = (ACTION / "action.yml").read_text()
        broken = text.replace("      shell: bash\n", "", 1)
        self.assertNotEqual(text, broken)
        f = self.tmp / "action.yml"
        f.write_text(broken)
        p = self.validate(f)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("shell", p.stdout + p.stderr)


class RunScript(ci.TempDirTest):
    def setUp(self):
        super().setUp()
        self.ws = self.tmp / "ws"
        self.ws.mkdir()
        ci.demo_workspace(self.ws)
        (self.ws / "docs").mkdir()
        (self.ws / "docs" / "hip.md").write_text(
            "# Hip\n\nOur therapy cures arthritis.\n\nLive pain-free.\n")
        (self.ws / "docs" / "ok.md").write_text("Nothing to see.\n")
        self.output = self.tmp / "github_output"
        self.summary = self.tmp / "step_summary.md"
        self.output.write_text("")
        self.summary.write_text("")

    def run_action(self, script="run.sh", **inputs):
        env = ci.clean_env(
            str(self.home), GITHUB_ACTION_PATH=str(ACTION),
            GITHUB_OUTPUT=str(self.output),
            GITHUB_STEP_SUMMARY=str(self.summary),
            RUNNER_TEMP=str(self.tmp))
        for k, v in inputs.items():
            env["INPUT_" + k.upper()] = v
        return subprocess.run(["bash", str(ACTION / "scripts" / script)],
                              cwd=self.ws, env=env, capture_output=True,
                              text=True, timeout=120)

    def outputs(self):
        out = {}
        for line in self.output.read_text().splitlines():
            k, _, v = line.partition("=")
            out[k] = v
        return out

    def test_annotations_summary_and_exit_code(self):
        p = self.run_action(paths="docs/", format="github",
                            fail_on="warning")
        self.assertEqual(p.returncode, 0, p.stderr)  # the last step fails
        self.assertEqual(self.outputs()["exit-code"], "1")
        self.assertEqual(self.outputs()["sarif-file"], "")
        self.assertIn("::error file=docs/hip.md,line=3,endLine=3,col=13,"
                      "endColumn=28,title=claimlint demo/cure::", p.stdout)
        self.assertIn("::warning file=docs/hip.md,line=5,", p.stdout)
        s = self.summary.read_text()
        self.assertIn("### claimlint", s)
        self.assertIn("| error | docs/hip.md:3:13 | demo/cure |", s)

    def test_fail_on_and_max_warnings(self):
        self.run_action(paths="docs/ok.md")
        self.assertEqual(self.outputs()["exit-code"], "0")
        self.output.write_text("")
        self.run_action(paths="docs/", fail_on="never", max_warnings="0")
        self.assertEqual(self.outputs()["exit-code"], "1")
        self.output.write_text("")
        self.run_action(paths="docs/", fail_on="never", max_warnings="1")
        self.assertEqual(self.outputs()["exit-code"], "0")

    def test_sarif_is_written_for_upload(self):
        p = self.run_action(paths="docs/", upload_sarif="true",
                            sarif_file="out/claimlint.sarif")
        self.assertEqual(p.returncode, 0, p.stderr)
        o = self.outputs()
        self.assertEqual(o["exit-code"], "1")
        self.assertEqual(o["sarif-file"], "out/claimlint.sarif")
        log = json.loads((self.ws / "out" / "claimlint.sarif").read_text())
        self.assertEqual(len(log["runs"][0]["results"]), 2)
        self.assertIn("::error ", p.stdout)  # annotations as well

    def test_sarif_format(self):
        self.run_action(paths="docs/ok.md", format="sarif")
        o = self.outputs()
        self.assertEqual(o["exit-code"], "0")
        log = json.loads((self.ws / o["sarif-file"]).read_text())
        self.assertEqual(log["runs"][0]["results"], [])

    def test_diff_base_reports_only_changed_lines(self):
        ci.need(shutil.which("git"), "git")
        env = ci.clean_env(str(self.home))
        for cmd in (["git", "init", "-q"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "base"]):
            ci.run(cmd, cwd=self.ws, env=env, check_codes=[0])
        with open(self.ws / "docs" / "ok.md", "a") as f:
            f.write("\nIt cures your hip pain.\n")
        p = self.run_action(paths="docs/", diff_base="HEAD")
        self.assertEqual(self.outputs()["exit-code"], "1")
        self.assertIn("file=docs/ok.md,line=3,", p.stdout)
        self.assertNotIn("docs/hip.md", p.stdout)

    def test_baseline_is_passed_only_when_supported(self):
        has = "--baseline" in ci.run([ci.claimlint(), "--help"]).stdout
        p = self.run_action(paths="docs/ok.md", baseline="base.json")
        if has:
            self.assertNotIn("does not have yet", p.stdout)
        else:
            self.assertEqual(self.outputs()["exit-code"], "2")
            self.assertIn("::error title=claimlint::the baseline input",
                          p.stdout)

    def test_install_uses_claimlint_from_path(self):
        p = self.run_action(script="install.sh", install="path")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("claimlint: using ", p.stdout)
        env = ci.clean_env(str(self.home), PATH="/usr/bin:/bin",
                           INPUT_INSTALL="path",
                           GITHUB_ACTION_PATH=str(ACTION))
        p = subprocess.run(["bash", str(ACTION / "scripts" / "install.sh")],
                           env=env, capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("not on PATH", p.stdout)


if __name__ == "__main__":
    ci.main()
