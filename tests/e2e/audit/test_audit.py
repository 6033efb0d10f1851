#!/usr/bin/env python3
"""End-to-end tests of claimlint's audits (docs/audits.md).

Live-page tests run claimlint against fixture_server.FixtureServer on
127.0.0.1; folder tests use a temporary folder.

    test_audit.py --claimlint build/tools/claimlint/claimlint [unittest args]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

from fixture_server import FixtureServer, clean_env

CLAIMLINT = None


def run(*args, cwd=None, timeout=60, env=None):
    start = time.monotonic()
    p = subprocess.run([CLAIMLINT, *args], capture_output=True, text=True,
                       env=dict(clean_env(), **(env or {})), cwd=cwd,
                       timeout=timeout)
    p.elapsed = time.monotonic() - start
    return p


def findings(stdout):
    return [json.loads(l) for l in stdout.splitlines() if l.strip()]


PAGES = ("/treatments/knee.html", "/about.html", "/from-sitemap.html", "/")


class LivePages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = FixtureServer().__enter__()
        cls.base = cls.server.base

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def setUp(self):
        self.server.clear()

    def crawl(self, *extra):
        return run("--crawl", "--rate", "0", "--format", "jsonl", *extra,
                   self.base + "/")

    def test_one_url_names_the_url_and_fetches_only_it(self):
        p = run("--format", "jsonl", self.base + "/index.html")
        self.assertEqual(p.returncode, 1, p.stderr)
        fs = findings(p.stdout)
        self.assertTrue(fs)
        self.assertEqual({f["path"] for f in fs}, {self.base + "/index.html"})
        rules = {(f["rule"], f["match"]) for f in fs}
        # Title, meta description, Open Graph, JSON-LD, alt text and a table
        # cell are read; <pre> is not.
        self.assertIn(("health/cure-claim", "cure arthritis"), rules)
        self.assertIn(("health/guarantee-certainty", "Guaranteed relief"),
                      rules)
        self.assertIn(("health/symptom-free-claim", "Pain-free"), rules)
        self.assertIn(("health/symptom-free-claim", "Eliminates pain"), rules)
        for f in fs:
            self.assertNotIn("code sample", f["explanation"])
        self.assertEqual(self.server.fetched(), ["/index.html"])

    def test_libcurl_is_loaded_only_for_live_pages(self):
        # glibc's loader reports every library it loads, dlopen() included.
        trace = {"LD_DEBUG": "libs"}
        with tempfile.TemporaryDirectory() as d:
            page = os.path.join(d, "page.md")
            with open(page, "w") as f:
                f.write("Our injections cure arthritis.\n")
            local = run("--format", "jsonl", page, env=trace)
        self.assertEqual(local.returncode, 1, local.stderr)
        self.assertIn("libre2", local.stderr)  # the trace is on
        self.assertNotIn("libcurl", local.stderr)
        live = run("--format", "jsonl", self.base + "/index.html", env=trace)
        self.assertEqual(live.returncode, 1, live.stderr)
        self.assertIn("libcurl.so.4", live.stderr)
        self.assertTrue(findings(live.stdout))

    def test_crawl_follows_links_and_sitemap_and_obeys_robots(self):
        p = self.crawl()
        self.assertEqual(p.returncode, 1, p.stderr)
        paths = {f["path"] for f in findings(p.stdout)}
        want = {self.base + x for x in
                ("/", "/about.html", "/treatments/knee.html",
                 "/from-sitemap.html")}
        self.assertEqual(paths, want)
        got = self.server.fetched()
        self.assertIn("/robots.txt", got)
        self.assertIn("/sitemap.xml", got)
        self.assertNotIn("/private/secret.html", got)   # robots.txt
        self.assertNotIn("/leaflet.pdf", got)            # not a page
        self.assertNotIn("/offsite.html", got)           # another site
        self.assertIn("/private/secret.html: disallowed by robots.txt",
                      p.stderr)
        self.assertIn("/missing.html: HTTP 404", p.stderr)
        # Every page is fetched once (index.html and / are one page).
        pages = [g for g in got if g not in ("/robots.txt", "/sitemap.xml")]
        self.assertEqual(len(pages), len(set(pages)), got)

    def test_max_pages(self):
        p = self.crawl("--max-pages", "2")
        pages = [g for g in self.server.fetched()
                 if g not in ("/robots.txt", "/sitemap.xml")]
        self.assertEqual(len(pages), 2, pages)
        self.assertIn("--max-pages 2 reached", p.stderr)

    def test_redirect_reports_the_final_url(self):
        p = run("--format", "jsonl", self.base + "/old.html")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual({f["path"] for f in findings(p.stdout)},
                         {self.base + "/treatments/knee.html"})

    def test_timeout_and_http_errors(self):
        p = run("--timeout", "1", self.base + "/slow")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("/slow:", p.stderr)
        self.assertIn("imed out", p.stderr)
        self.assertLess(p.elapsed, 2.9)
        p = run(self.base + "/missing.html")
        self.assertEqual(p.returncode, 2)
        self.assertIn("HTTP 404", p.stderr)
        p = run(self.base + "/data.json")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("not a text page", p.stderr)

    def test_rate_limit(self):
        p = run("--crawl", "--rate", "5", "--max-pages", "3", "--format",
                "jsonl", self.base + "/")
        n = len(self.server.fetched())
        self.assertGreaterEqual(n, 5)  # robots, sitemap, 3 pages
        self.assertGreaterEqual(p.elapsed, (n - 1) / 5 - 0.05)

    def test_shards_partition_the_pages(self):
        # Boilerplate is reported once per job, so compare with it on every
        # page; each job reads the same pages, so the split is the same.
        every = ("--boilerplate", "every")
        full = findings(self.crawl(*every).stdout)
        one = findings(self.crawl("--shard", "1/2", *every).stdout)
        two = findings(self.crawl("--shard", "2/2", *every).stdout)
        key = lambda f: (f["path"], f["rule"], f["offset"])
        self.assertEqual(sorted(map(key, one + two)), sorted(map(key, full)))
        self.assertFalse({f["path"] for f in one} & {f["path"] for f in two})
        self.assertTrue(one and two)

    def test_boilerplate_once_per_site(self):
        # "cures arthritis" is in every page's navigation, and once in the
        # home page's main text (line 27).
        nav = lambda fs: [f for f in fs if f["match"] == "cures arthritis"
                          and f["rule"] == "health/cure-claim"
                          and f["line"] != 27]
        once = nav(findings(self.crawl().stdout))
        every = nav(findings(self.crawl("--boilerplate", "every").stdout))
        skip = nav(findings(self.crawl("--boilerplate", "skip").stdout))
        self.assertEqual(len(once), 1, once)
        self.assertGreaterEqual(len(every), 3, every)
        self.assertEqual(skip, [])

    def test_summary(self):
        p = run("--crawl", "--rate", "0", "--summary", self.base + "/")
        out = p.stdout
        self.assertIn("Findings per page, worst first:", out)
        self.assertIn("Findings per rule:", out)
        self.assertIn("4 pages audited, 4 with findings", out)
        table = out[out.index("worst first:"):out.index("Findings per rule")]
        rows = [l for l in table.splitlines() if "http://" in l]
        self.assertTrue(rows[0].endswith(self.base + "/"), rows)
        # Next to a machine-readable report the summary goes to stderr.
        p = run("--crawl", "--rate", "0", "--summary", "--format", "jsonl",
                self.base + "/")
        self.assertIn("Findings per rule:", p.stderr)
        findings(p.stdout)  # still valid JSON lines


class Folders(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="claimlint-audit-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, text, mode="w"):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as f:
            f.write(text)
        return path

    def test_ignore_binary_and_symlink_loop(self):
        self.write("site/.claimlintignore", "drafts/\n*.old.md\n")
        self.write("site/page.md", "Stem cells cure arthritis.\n")
        self.write("site/drafts/d.md", "Pills cure cancer.\n")
        self.write("site/x.old.md", "Pills cure cancer.\n")
        self.write("site/logo.html", b"\x89PNG\r\n\x1a\n\x00\x00cure", "wb")
        os.symlink("..", os.path.join(self.dir, "site", "loop"))
        p = run("--format", "jsonl", "site", cwd=self.dir)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual({f["path"] for f in findings(p.stdout)},
                         {"site/page.md"})
        self.assertIn("logo.html: binary file skipped", p.stderr)

    def test_html_comments_carry_directives(self):
        self.write("p.html",
                   "<p>Our pills cure arthritis.</p>\n"
                   "<!-- claimlint-disable-next-line health/cure-claim -- "
                   "reviewed by legal -->\n"
                   "<p>Stem cells cure arthritis.</p>\n")
        p = run("--format", "jsonl", "p.html", cwd=self.dir)
        cure = [f["line"] for f in findings(p.stdout)
                if f["rule"] == "health/cure-claim"]
        self.assertEqual(cure, [1])

    def test_progress_bar(self):
        for i in range(5):
            self.write("p%d.md" % i, "Stem cells cure arthritis.\n")
        p = run("--progress", "always", ".", cwd=self.dir)
        self.assertIn("5/5 files", p.stderr)
        self.assertIn("\x1b[K", p.stderr)  # the line is redrawn
        # stderr is a pipe here: quiet by default.
        p = run(".", cwd=self.dir)
        self.assertNotIn("files", p.stderr)
        self.assertNotIn("\x1b[K", p.stderr)

    def test_baseline_survives_edits_elsewhere(self):
        page = "# Clinic\n\nStem cells cure arthritis.\n"
        self.write("page.md", page)
        p = run("--write-baseline", "baseline.json", "page.md", cwd=self.dir)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("to the baseline baseline.json", p.stderr)
        with open(os.path.join(self.dir, "baseline.json")) as f:
            base = json.load(f)
        self.assertTrue(base["findings"])
        self.assertNotIn("line", base["findings"][0])
        # Paragraphs added above: the accepted finding moves lines, stays
        # accepted.
        self.write("page.md", "# Clinic\n\nWelcome.\n\nOpen daily.\n\n"
                              "Stem cells cure arthritis.\n")
        p = run("--format", "jsonl", "--baseline", "baseline.json", "page.md",
                cwd=self.dir)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(findings(p.stdout), [])
        self.assertIn("0 stale", p.stderr)
        # A new claim is reported and fails; the old one is still accepted.
        self.write("page.md", "# Clinic\n\nStem cells cure arthritis.\n\n"
                              "It is 100% safe.\n")
        p = run("--format", "jsonl", "--baseline", "baseline.json", "page.md",
                cwd=self.dir)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual([f["match"] for f in findings(p.stdout)],
                         ["100% safe"])
        # The accepted claim removed: its entries are stale.
        self.write("page.md", "# Clinic\n\nSome people report less pain.\n")
        p = run("--baseline", "baseline.json", "page.md", cwd=self.dir)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("stale baseline entry (no longer found): page.md: "
                      "[health/cure-claim] \"stem cells cure arthritis.\"",
                      p.stderr)


def main():
    global CLAIMLINT
    ap = argparse.ArgumentParser()
    ap.add_argument("--claimlint", required=True)
    args, rest = ap.parse_known_args()
    CLAIMLINT = os.path.abspath(args.claimlint)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
