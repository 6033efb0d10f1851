#!/usr/bin/env python3
"""The GitLab CI templates in plugins/gitlab: the component's inputs are
declared and used, both templates keep their reports when the job fails, and
the job's script, run with claimlint on PATH, writes a Code Quality report
and a JUnit report and exits as --fail-on says. Needs PyYAML (Debian's
python3-yaml, for /usr/bin/python3)."""

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    import yaml
except ImportError:  # CMake's Python may not be Debian's, which has PyYAML
    if (os.path.exists("/usr/bin/python3") and
            not os.environ.get("CLAIMLINT_REEXEC")):
        os.execve("/usr/bin/python3", ["/usr/bin/python3", *sys.argv],
                  dict(os.environ, CLAIMLINT_REEXEC="1"))
    yaml = None

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ci_common as ci  # noqa: E402

GITLAB = ci.SRCDIR / "plugins" / "gitlab"
COMPONENT = GITLAB / "templates" / "claimlint.yml"
CLASSIC = GITLAB / "claimlint.gitlab-ci.yml"
INPUT_REF = re.compile(r"\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*\]\]")


def render(text: str, inputs: dict) -> str:
    return INPUT_REF.sub(lambda m: str(inputs[m.group(1)]), text)


class Templates(ci.TempDirTest):
    def setUp(self):
        super().setUp()
        ci.need(yaml is not None, "PyYAML (apt-get install python3-yaml)")

    def component(self, **overrides):
        text = COMPONENT.read_text()
        header, jobs = list(yaml.safe_load_all(text))
        inputs = {k: v.get("default") for k, v in
                  header["spec"]["inputs"].items()}
        inputs.update(overrides)
        return header, yaml.safe_load(render(text.split("\n---\n", 1)[1],
                                             inputs))

    def test_component_inputs_are_declared_and_used(self):
        text = COMPONENT.read_text()
        docs = list(yaml.safe_load_all(text))
        self.assertEqual(len(docs), 2)
        declared = set(docs[0]["spec"]["inputs"])
        used = set(INPUT_REF.findall(text))
        self.assertEqual(used, declared)
        for name, spec in docs[0]["spec"]["inputs"].items():
            self.assertIn("default", spec, name)
            self.assertTrue(spec.get("description"), name)
        self.assertIn("warning", docs[0]["spec"]["inputs"]["fail-on"]
                      ["options"])

    def test_jobs_keep_both_reports(self):
        _, jobs = self.component()
        classic = yaml.safe_load(CLASSIC.read_text())
        for job in (jobs["claimlint"], classic["claimlint"]):
            art = job["artifacts"]
            self.assertEqual(art["when"], "always")
            self.assertEqual(art["reports"]["codequality"],
                             "gl-code-quality-report.json")
            self.assertEqual(art["reports"]["junit"], "claimlint-junit.xml")
            # No global keywords in an included file.
        for doc in (jobs, classic):
            self.assertFalse({"default", "stages", "workflow"} & set(doc))
        self.assertEqual(jobs["claimlint"]["script"],
                         classic["claimlint"]["script"],
                         "the two templates must run the same script")
        self.assertEqual(set(jobs["claimlint"]["variables"]),
                         set(classic["claimlint"]["variables"]))

    def workspace(self, claim: bool) -> Path:
        ws = self.tmp / ("claim" if claim else "clean")
        (ws / "docs").mkdir(parents=True)
        ci.demo_workspace(ws)
        (ws / "docs" / "a.md").write_text("Physiotherapy may ease pain.\n")
        if claim:
            (ws / "docs" / "b.md").write_text(
                "Our therapy cures arthritis.\n\nLive pain-free.\n")
        return ws

    def run_job(self, ws: Path, shell: str, **inputs):
        _, jobs = self.component(**inputs)
        job = jobs["claimlint"]
        env = ci.clean_env(str(self.home))
        env.update({k: str(v) for k, v in job["variables"].items()})
        script = "\n".join(job["script"])
        # GitLab runs bash with -e and pipefail; sh (dash) with -e.
        cmd = ([shell, "-e", "-o", "pipefail", "-c", script]
               if shell == "bash" else [shell, "-e", "-c", script])
        return subprocess.run(cmd, cwd=ws, env=env, capture_output=True,
                              text=True, timeout=120)

    def test_job_writes_reports_and_fails_on_findings(self):
        for shell in ("bash", "sh"):
            with self.subTest(shell=shell):
                ws = self.workspace(claim=True)
                p = self.run_job(ws, shell, paths="docs/")
                self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                self.assertIn("docs/b.md:1:13: error: 'cures arthritis' "
                              "claims a cure [demo/cure]", p.stdout)
                cq = json.loads(
                    (ws / "gl-code-quality-report.json").read_text())
                self.assertEqual([i["check_name"] for i in cq],
                                 ["demo/cure", "demo/pain-free"])
                self.assertEqual(len({i["fingerprint"] for i in cq}), 2)
                suite = ET.parse(ws / "claimlint-junit.xml").getroot()
                self.assertEqual(suite.get("tests"), "3")
                self.assertEqual(suite.get("failures"), "2")
                shutil.rmtree(ws)

    def test_job_passes_clean_and_honours_inputs(self):
        ws = self.workspace(claim=False)
        p = self.run_job(ws, "bash", paths="docs/")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual((ws / "gl-code-quality-report.json").read_text(),
                         "[]\n")
        ws2 = self.workspace(claim=True)
        p = self.run_job(ws2, "bash", paths="docs/", **{"fail-on": "never"})
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        p = self.run_job(ws2, "bash", paths="docs/",
                         **{"fail-on": "never", "max-warnings": "0"})
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        p = self.run_job(ws2, "bash", paths="docs/",
                         args="--disable demo/pain-free",
                         **{"fail-on": "error"})
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertNotIn("pain-free", p.stdout)

    def test_job_diff_base(self):
        ci.need(shutil.which("git"), "git")
        ws = self.workspace(claim=True)
        env = ci.clean_env(str(self.home))
        for cmd in (["git", "init", "-q"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "base"]):
            ci.run(cmd, cwd=ws, env=env, check_codes=[0])
        p = self.run_job(ws, "bash", paths="docs/", **{"diff-base": "HEAD"})
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        with open(ws / "docs" / "a.md", "a") as f:
            f.write("It cures your hip pain.\n")
        p = self.run_job(ws, "bash", paths="docs/", **{"diff-base": "HEAD"})
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        cq = json.loads((ws / "gl-code-quality-report.json").read_text())
        self.assertEqual([(i["location"]["path"], i["location"]["lines"]
                           ["begin"]) for i in cq], [("docs/a.md", 2)])

    def test_job_explains_a_missing_claimlint(self):
        ws = self.workspace(claim=False)
        _, jobs = self.component()
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home)}
        p = subprocess.run(["bash", "-e", "-c",
                            "\n".join(jobs["claimlint"]["script"])],
                           cwd=ws, env=env, capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("claimlint is not on PATH", p.stderr)


if __name__ == "__main__":
    ci.main()
