#!/usr/bin/env python3
"""scripts/new-rule scaffolds a rule that loads, has a docs page, and whose
placeholder examples fail until they are replaced (so a rule cannot land
without real tests). Usage: test_new_rule.py CLAIMLINT_BINARY"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    claimlint = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        rules = os.path.join(tmp, "rules")
        os.makedirs(rules)
        out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "new-rule"),
                              "house/miracle-words", "--severity", "error",
                              "--rules", rules], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        path = os.path.join(rules, "house", "miracle-words.json")
        rule = json.load(open(path))
        assert rule["id"] == "house/miracle-words" and rule["severity"] == "error"
        assert os.path.exists(os.path.join(tmp, "docs", "rules", "house", "miracle-words.md"))
        assert os.path.exists(os.path.join(tmp, "docs", "rules", "index.md"))
        # It loads as a pack...
        ls = subprocess.run([claimlint, "--no-config", "--rules-dir", rules,
                             "--list-rules", "--format", "json"],
                            capture_output=True, text=True)
        assert ls.returncode == 0, ls.stderr
        ids = [r["id"] for r in json.loads(ls.stdout)["rules"]]
        assert "house/miracle-words" in ids, ids
        # ...but its placeholder flag example is not flagged: the example test
        # would fail until a real trigger and examples replace the TODOs.
        flag = rule["examples"]["flag"][0].replace("[[", "").replace("]]", "")
        run = subprocess.run([claimlint, "--no-config", "--rules-dir", rules,
                              "--disable", "*", "--enable", "house/*",
                              "--format", "json", "--stdin-filename", "x.md", "-"],
                             input=flag, capture_output=True, text=True)
        assert run.returncode == 0, (run.returncode, run.stdout, run.stderr)
        assert json.loads(run.stdout)["diagnostics"] == []
        # A second scaffold of the same id is refused.
        again = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "new-rule"),
                                "house/miracle-words", "--rules", rules],
                               capture_output=True, text=True)
        assert again.returncode == 2 and "exists" in again.stderr
    print("new-rule: ok")


if __name__ == "__main__":
    main()
