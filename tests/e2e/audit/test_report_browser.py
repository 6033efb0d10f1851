#!/usr/bin/env python3
"""The HTML report in a real browser: headless Chromium loads the report of a
crawl of the fixture site, the test reads the DOM after the page's script has
applied a filter from the URL hash, and a screenshot is saved as an artifact.

    test_report_browser.py --claimlint PATH --artifacts DIR [unittest args]

Exits 77 (skipped) when no Chromium is installed.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

from fixture_server import FixtureServer, clean_env

CLAIMLINT = None
ARTIFACTS = None
CHROMIUM = None

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]


def chromium(*args, timeout=90):
    """Runs Chromium with a fresh profile; returns its stdout."""
    profile = tempfile.mkdtemp(prefix="claimlint-chromium-")
    try:
        p = subprocess.run([CHROMIUM, *FLAGS, "--user-data-dir=" + profile,
                            *args], capture_output=True, text=True,
                           timeout=timeout, env=clean_env())
        return p
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def dom(path, fragment=""):
    p = chromium("--dump-dom", "file://" + path + fragment)
    if "data-ready" not in p.stdout:
        raise AssertionError("report did not load:\n" + p.stderr[-2000:])
    return p.stdout


def body_attr(html, name):
    m = re.search(r'<body[^>]*\s%s="(\d+)"' % re.escape(name), html)
    if not m:
        raise AssertionError("no %s on <body>" % name)
    return int(m.group(1))


def visible_rows(html):
    return len(re.findall(r'<li class="finding[^"]*"(?![^>]*hidden)[^>]*>',
                          html))


def lint(*args):
    return subprocess.run([CLAIMLINT, *args], capture_output=True, text=True,
                          env=clean_env(), timeout=120)


class ReportInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        cls.report = os.path.join(ARTIFACTS, "audit-report.html")
        with FixtureServer() as s:
            common = ["--crawl", "--rate", "0", s.base + "/"]
            p = lint("--format", "html", "-o", cls.report, *common)
            assert p.returncode == 1, p.stderr
            j = lint("--format", "jsonl", *common)
        cls.findings = [json.loads(l) for l in j.stdout.splitlines()]

    def test_report_loads_and_counts_match(self):
        html = dom(self.report)
        n = len(self.findings)
        self.assertGreater(n, 5)
        self.assertEqual(body_attr(html, "data-visible-findings"), n)
        self.assertEqual(visible_rows(html), n)
        pages = {f["path"] for f in self.findings}
        self.assertEqual(body_attr(html, "data-visible-pages"), len(pages))
        marks = len(re.findall(r'<mark class="hl sev-', html))
        self.assertGreater(marks, 0)
        self.assertEqual(body_attr(html, "data-visible-marks"), marks)
        self.assertIn("%d of %d findings" % (n, n), html)
        # Rule names link to their docs; no external assets at all.
        self.assertIn('href="https://claimlint.invalid/docs/rules/health/'
                      'cure-claim.md"', html)
        with open(self.report) as f:
            raw = f.read()
        self.assertNotRegex(raw, r'<(script|img|iframe)[^>]+src=')
        self.assertNotRegex(raw, r'<link[^>]+href=')

    def test_filters_from_the_url_hash(self):
        errors = [f for f in self.findings if f["severity"] == "error"]
        html = dom(self.report, "#severity=error")
        self.assertEqual(body_attr(html, "data-visible-findings"), len(errors))
        self.assertEqual(visible_rows(html), len(errors))
        self.assertNotRegex(html, r'<mark class="hl[^"]*sev-warning')
        cure = [f for f in self.findings if f["rule"] == "health/cure-claim"]
        html = dom(self.report, "#rule=health%2Fcure-claim&status=unqualified")
        self.assertEqual(body_attr(html, "data-visible-findings"),
                         len([f for f in cure if f["status"] == "unqualified"]))
        self.assertEqual(body_attr(html, "data-visible-pages"),
                         len({f["path"] for f in cure}))
        html = dom(self.report, "#status=negated")
        self.assertEqual(body_attr(html, "data-visible-findings"), 0)
        self.assertEqual(body_attr(html, "data-visible-marks"), 0)

    def test_screenshot(self):
        png = os.path.join(ARTIFACTS, "audit-report.png")
        if os.path.exists(png):
            os.remove(png)
        chromium("--window-size=1280,1800", "--screenshot=" + png,
                 "file://" + self.report)
        with open(png, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\x89PNG"))
        self.assertGreater(len(data), 20000)

    def test_ten_thousand_findings_stay_usable(self):
        work = tempfile.mkdtemp(prefix="claimlint-big-")
        try:
            line = "<p>Stem cells cure arthritis. It is 100% safe.</p>\n"
            for i in range(50):
                with open(os.path.join(work, "p%02d.html" % i), "w") as f:
                    f.write("<title>Page %d</title>\n" % i + line * 100)
            big = os.path.join(ARTIFACTS, "audit-report-10k.html")
            p = lint("--format", "html", "-o", big, work)
            self.assertEqual(p.returncode, 1, p.stderr)
            n = len(re.findall(r'<li class="finding', open(big).read()))
            self.assertGreaterEqual(n, 10000)
            start = time.monotonic()
            html = dom(big, "#rule=health%2Fabsolute-safety")
            secs = time.monotonic() - start
            self.assertEqual(body_attr(html, "data-visible-findings"), 5000)
            self.assertLess(secs, 60)
            print("\n10k-finding report: %d findings, %.1f MB, loaded and "
                  "filtered in %.1f s" % (n, os.path.getsize(big) / 1e6, secs),
                  file=sys.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def main():
    global CLAIMLINT, ARTIFACTS, CHROMIUM
    ap = argparse.ArgumentParser()
    ap.add_argument("--claimlint", required=True)
    ap.add_argument("--artifacts", required=True)
    args, rest = ap.parse_known_args()
    CLAIMLINT = os.path.abspath(args.claimlint)
    ARTIFACTS = os.path.abspath(args.artifacts)
    CHROMIUM = (shutil.which("chromium") or shutil.which("chromium-browser")
                or shutil.which("google-chrome"))
    if not CHROMIUM:
        print("SKIP: no chromium (scripts/deps installs it)")
        sys.exit(77)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
