#!/usr/bin/env python3
"""Protocol-level tests of claimlint-lsp, through its real stdin/stdout.

Usage: protocol_test.py --server PATH --pack DIR [unittest args, e.g. a class]

The rule pack in DIR (tests/e2e/lsp/pack) is small and stable; the built-in
health pack is disabled so that its changes do not move these results.
"""
import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402
from lspclient import lsp_range, apply_edits  # noqa: E402

SERVER = None
PACK = None

DOC = ("# Tea\n"
       "\n"
       "This tea cures arthritis.\n"
       "A miracle \u201ccure\u201d \U0001F600 for you.\n"
       "\U0001F600 Our tea cures \U0001F600 back pain.\n")


def settings(**extra):
    s = {"rulesDirs": [PACK], "disable": ["health/*", "lsptest/disclaimer"],
         "debounceMs": 0, "today": "2026-11-01"}
    s.update(extra)
    return s


def find_all(text, word):
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


class Base(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="claimlint-lsp-")
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.kill()
            if s.violation:
                self.fail("stdout carried something other than LSP frames: %s"
                          % s.violation)
        shutil.rmtree(self.dir, ignore_errors=True)

    def start(self, args=(), **kw):
        s = lspclient.Server(SERVER, args, cwd=self.dir, **kw)
        self.servers.append(s)
        return s

    def ready(self, caps=None, **setting_overrides):
        s = self.start()
        s.initialize(caps or {}, {"claimlint": settings(**setting_overrides)},
                     root=self.dir)
        return s

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(text)


class Lifecycle(Base):
    def test_request_before_initialize_is_refused(self):
        s = self.start()
        s.notify("textDocument/didOpen", {"textDocument": {
            "uri": "file:///x.md", "languageId": "markdown", "version": 1,
            "text": "cures"}})
        r = s.request("textDocument/hover", {
            "textDocument": {"uri": "file:///x.md"},
            "position": {"line": 0, "character": 0}})
        self.assertEqual(r["error"]["code"], -32002)
        init = s.request("initialize", {"capabilities": {}, "rootUri": None})
        caps = init["result"]["capabilities"]
        self.assertEqual(caps["positionEncoding"], "utf-16")
        self.assertEqual(caps["textDocumentSync"]["change"], 2)
        self.assertTrue(caps["hoverProvider"])
        self.assertEqual(caps["codeActionProvider"]["codeActionKinds"],
                         ["quickfix"])
        self.assertEqual(init["result"]["serverInfo"]["name"], "claimlint-lsp")
        # The didOpen before initialize was dropped: nothing is published.
        s.notify("initialized", {})
        again = s.request("initialize", {"capabilities": {}})
        self.assertEqual(again["error"]["code"], -32600)
        self.assertFalse(any(m.get("method") == "textDocument/publishDiagnostics"
                             for m in s.seen))

    def test_shutdown_then_exit_is_0(self):
        s = self.ready()
        r = s.request("shutdown")
        self.assertIsNone(r["result"])
        after = s.request("textDocument/hover", {
            "textDocument": {"uri": "file:///x.md"},
            "position": {"line": 0, "character": 0}})
        self.assertEqual(after["error"]["code"], -32600)
        s.notify("exit")
        self.assertEqual(s.proc.wait(10), 0)

    def test_exit_without_shutdown_is_1(self):
        s = self.ready()
        s.notify("exit")
        self.assertEqual(s.proc.wait(10), 1)

    def test_exit_before_initialize_is_1(self):
        s = self.start()
        s.notify("exit")
        self.assertEqual(s.proc.wait(10), 1)

    def test_end_of_input_ends_cleanly(self):
        s = self.ready()
        s.proc.stdin.close()
        self.assertEqual(s.proc.wait(10), 0)

    def test_unknown_methods(self):
        s = self.ready()
        self.assertEqual(s.request("textDocument/frobnicate", {})["error"]["code"],
                         -32601)
        self.assertEqual(s.request("$/private", {})["error"]["code"], -32601)
        s.notify("$/cancelRequest", {"id": 99})
        s.notify("workspace/somethingNew", {})
        # Still serving, and the notifications got no reply.
        self.assertEqual(s.request("shutdown")["result"], None)
        self.assertFalse(any("error" in m and m.get("id") is None for m in s.seen))

    def test_cli(self):
        import subprocess
        v = subprocess.run([SERVER, "--version"], capture_output=True, text=True)
        self.assertEqual(v.returncode, 0)
        self.assertTrue(v.stdout.startswith("claimlint-lsp "))
        bad = subprocess.run([SERVER, "--bogus"], capture_output=True, text=True)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("unknown argument", bad.stderr)


class Framing(Base):
    def frame(self, obj):
        body = json.dumps(obj).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def test_parse_error_then_keeps_serving(self):
        s = self.ready()
        s.send_raw(b"Content-Length: 9\r\n\r\n{\"oops\": ")
        err = s.wait(lambda m: "error" in m and m.get("id") is None)
        self.assertEqual(err["error"]["code"], -32700)
        self.assertEqual(s.request("shutdown")["result"], None)

    def test_content_length_too_long_costs_one_message(self):
        s = self.ready()
        first = json.dumps({"jsonrpc": "2.0", "id": 50, "method": "shutdownX"}).encode()
        # Claims 20 bytes more than it has: swallows the next header.
        bad = b"Content-Length: %d\r\n\r\n" % (len(first) + 20) + first
        s.send_raw(bad + self.frame({"jsonrpc": "2.0", "id": 51,
                                     "method": "textDocument/unknownThing"}))
        err = s.wait(lambda m: "error" in m and m.get("id") is None)
        self.assertEqual(err["error"]["code"], -32700)
        # The swallowed message is found again.
        r = s.response(51)
        self.assertEqual(r["error"]["code"], -32601)
        self.assertEqual(s.request("shutdown")["result"], None)

    def test_content_length_too_short(self):
        s = self.ready()
        body = json.dumps({"jsonrpc": "2.0", "id": 60, "method": "x/y"}).encode()
        s.send_raw(b"Content-Length: %d\r\n\r\n" % (len(body) - 5) + body)
        err = s.wait(lambda m: "error" in m and m.get("id") is None)
        self.assertEqual(err["error"]["code"], -32700)
        self.assertEqual(s.request("shutdown")["result"], None)
        # Exactly one error for the broken message.
        self.assertEqual(sum(1 for m in s.seen if "error" in m and m.get("id") is None), 1)

    def test_missing_or_bad_headers(self):
        s = self.ready()
        s.send_raw(b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}")
        s.wait(lambda m: "error" in m and m.get("id") is None)
        s.send_raw(b"Content-Length: abc\r\n\r\n{}")
        s.wait(lambda m: "error" in m and m.get("id") is None)
        # Header names in any case, Content-Type with the old "utf8" spelling.
        body = json.dumps({"jsonrpc": "2.0", "id": 70, "method": "shutdown"}).encode()
        s.send_raw(b"content-length: %d\r\nContent-Type: application/vscode-jsonrpc; "
                   b"charset=utf8\r\n\r\n" % len(body) + body)
        self.assertIsNone(s.response(70)["result"])

    def test_split_and_joined_messages(self):
        s = self.start()
        init = self.frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                           "params": {"capabilities": {},
                                      "initializationOptions": settings()}})
        for i in range(len(init)):  # one byte at a time
            s.send_raw(init[i:i + 1])
        self.assertIn("capabilities", s.response(1)["result"])
        text = "Caf\u00e9 \U0001F600 cures"
        both = self.frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                           "params": {"textDocument": {
                               "uri": lspclient.file_uri(self.path("a.md")),
                               "languageId": "markdown", "version": 3,
                               "text": text}}}) + \
            self.frame({"jsonrpc": "2.0", "id": 2, "method": "shutdownNot"})
        s.send_raw(both)
        self.assertEqual(s.response(2)["error"]["code"], -32601)
        d = s.diagnostics(lspclient.file_uri(self.path("a.md")), 3)
        i = text.index("cures")
        self.assertEqual(d["diagnostics"][0]["range"], lsp_range(text, i, i + 5))

    def test_invalid_requests(self):
        s = self.ready()
        s.send(["not", "an", "object"])
        self.assertEqual(s.wait(lambda m: "error" in m)["error"]["code"], -32600)
        s.send({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"})
        self.assertEqual(s.wait(lambda m: "error" in m)["error"]["code"], -32600)
        s.send({"jsonrpc": "1.0", "id": 5, "method": "shutdown"})
        self.assertEqual(s.response(5)["error"]["code"], -32600)
        r = s.request("textDocument/hover", {"position": "nowhere"})
        self.assertEqual(r["error"]["code"], -32602)
        self.assertIsNone(s.request("shutdown")["result"])


class Positions(Base):
    def check(self, caps, encoding):
        s = self.ready(caps)
        uri = s.open(self.path("tea.md"), DOC)
        d = s.diagnostics(uri, 1)
        cures = [x for x in d["diagnostics"] if x["code"] == "lsptest/cure"]
        want = [lsp_range(DOC, i, i + (5 if DOC[i:i + 5] == "cures" else 4),
                          encoding) for i in find_all(DOC, "cure")]
        key = lambda r: (r["start"]["line"], r["start"]["character"])  # noqa: E731
        self.assertEqual(sorted((x["range"] for x in cures), key=key),
                         sorted(want, key=key))
        m = [x for x in d["diagnostics"] if x["code"] == "lsptest/miracle"][0]
        i = DOC.index("miracle")
        self.assertEqual(m["range"], lsp_range(DOC, i, i + 7, encoding))
        return s, uri

    def test_utf16_by_default(self):
        s, _ = self.check({}, "utf-16")
        # Spot check against hand-counted columns: line 4 "😀 Our tea cures".
        d = [m for m in s.seen if m.get("method") == "textDocument/publishDiagnostics"][-1]
        r = [x["range"] for x in d["params"]["diagnostics"]
             if x["range"]["start"]["line"] == 4][0]
        self.assertEqual(r, {"start": {"line": 4, "character": 11},
                             "end": {"line": 4, "character": 16}})

    def test_utf8_when_offered(self):
        caps = {"general": {"positionEncodings": ["utf-8", "utf-16"]}}
        s = self.start()
        init = s.initialize(caps, {"claimlint": settings()}, root=self.dir)
        self.assertEqual(init["result"]["capabilities"]["positionEncoding"], "utf-8")
        uri = s.open(self.path("tea.md"), DOC)
        d = s.diagnostics(uri, 1)
        r = [x["range"] for x in d["diagnostics"] if x["range"]["start"]["line"] == 4][0]
        self.assertEqual(r, {"start": {"line": 4, "character": 13},
                             "end": {"line": 4, "character": 18}})
        r3 = [x["range"] for x in d["diagnostics"]
              if x["range"]["start"]["line"] == 3 and x["code"] == "lsptest/cure"][0]
        self.assertEqual(r3["start"]["character"], 13)  # after 3-byte “

    def test_utf16_when_utf8_not_offered(self):
        caps = {"general": {"positionEncodings": ["utf-32", "utf-16"]}}
        s = self.start()
        init = s.initialize(caps, {"claimlint": settings()}, root=self.dir)
        self.assertEqual(init["result"]["capabilities"]["positionEncoding"], "utf-16")

    def test_crlf_and_lone_cr(self):
        s = self.ready()
        text = "one\r\ntwo\rthree cures\nfour"
        uri = s.open(self.path("x.txt"), text, "plaintext")
        d = s.diagnostics(uri, 1)
        self.assertEqual(d["diagnostics"][0]["range"]["start"],
                         {"line": 2, "character": 6})


class Sync(Base):
    def text_of(self, s, uri):
        r = s.request("workspace/executeCommand",
                      {"command": "claimlint.documentText", "arguments": [uri]})
        return r["result"]["text"]

    def test_incremental_edits_match_a_reference(self):
        rnd = random.Random(1234)
        alphabet = ["a", "b", " ", "\n", "\r\n", "\u00e9", "\u201c", "\U0001F600",
                    "\u4e2d", "cures", "."]
        s = self.ready()
        text = DOC
        uri = s.open(self.path("r.md"), text)
        version = 1
        for step in range(150):
            # Keep edits off the middle of a \r\n pair and surrogate pairs by
            # working in Python characters, then converting to UTF-16.
            a = rnd.randrange(len(text) + 1)
            b = min(len(text), a + rnd.randrange(4))
            if a > 0 and text[a - 1] == "\r" and a < len(text) and text[a] == "\n":
                a -= 1
            if b > 0 and text[b - 1] == "\r" and b < len(text) and text[b] == "\n":
                b += 1
            new = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(3)))
            changes = [{"range": lsp_range(text, a, b), "rangeLength": 0, "text": new}]
            text = text[:a] + new + text[b:]
            if step % 37 == 0:  # now and then a full replacement
                text = text + "x"
                changes.append({"text": text})
            version += 1
            s.change(uri, version, changes)
        self.assertEqual(self.text_of(s, uri), text)
        d = s.diagnostics(uri, version)
        for x in d["diagnostics"]:
            if x["code"] == "lsptest/cure":
                got = apply_edits(text, [{"range": x["range"], "newText": "@@"}])
                i = got.index("@@")
                self.assertTrue(text[i:].lower().startswith("cure"))

    def test_past_end_of_line_clamps(self):
        s = self.ready()
        uri = s.open(self.path("c.md"), "ab\ncd\n")
        s.change(uri, 2, [{"range": {"start": {"line": 0, "character": 99},
                                     "end": {"line": 0, "character": 120}},
                           "text": "X"}])
        self.assertEqual(self.text_of(s, uri), "abX\ncd\n")

    def test_newest_version_wins_and_close_clears(self):
        s = self.ready(debounceMs=300)
        uri = s.open(self.path("d.md"), "Nothing here.\n")
        s.diagnostics(uri, 1)
        text = "Nothing here.\n"
        for v in range(2, 7):
            text += "It cures %d.\n" % v
            s.change(uri, v, [{"text": text}])
        d = s.diagnostics(uri, 6)
        self.assertEqual(len(d["diagnostics"]), 5)
        time.sleep(0.4)
        versions = [m["params"].get("version") for m in s.seen
                    if m.get("method") == "textDocument/publishDiagnostics"]
        self.assertEqual(versions, [1, 6])  # 2..5 were never published
        s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.assertEqual(s.diagnostics(uri)["diagnostics"], [])

    def test_languages(self):
        s = self.ready()
        html = ("<html><head><title>Tea</title><script>var cures = 1;</script>"
                "</head><body><p>This tea cures colds.</p></body></html>")
        uh = s.open(self.path("p.html"), html, "html")
        d = s.diagnostics(uh, 1)
        self.assertEqual(len(d["diagnostics"]), 1)
        i = html.index("cures colds")
        self.assertEqual(d["diagnostics"][0]["range"], lsp_range(html, i, i + 5))
        md = "Some `cures` code.\n\n```\ncures\n```\nIt cures.\n"
        um = s.open(self.path("m.md"), md, "markdown")
        dm = s.diagnostics(um, 1)
        self.assertEqual([x["range"]["start"]["line"] for x in dm["diagnostics"]], [5])
        # The same text as plain text: every "cures" counts.
        ut = s.open(self.path("m.txt"), md, "plaintext")
        self.assertEqual(len(s.diagnostics(ut, 1)["diagnostics"]), 3)


class Features(Base):
    # Tests with the default capabilities and settings share one server (each
    # on its own document): starting one costs more than most tests.
    shared = None
    shared_dir = None
    docs = 0

    @classmethod
    def tearDownClass(cls):
        if cls.shared:
            cls.shared.kill()
            if cls.shared.violation:
                raise AssertionError("stdout carried something other than LSP "
                                     "frames: %s" % cls.shared.violation)
            shutil.rmtree(cls.shared_dir, ignore_errors=True)
            cls.shared = None

    def open_doc(self, caps=None, text=DOC, **kw):
        Features.docs += 1
        name = "tea%d.md" % Features.docs
        if caps is None and not kw:
            if Features.shared is None:
                Features.shared_dir = tempfile.mkdtemp(prefix="claimlint-lsp-")
                Features.shared = lspclient.Server(SERVER, (),
                                                   cwd=Features.shared_dir)
                Features.shared.initialize({}, {"claimlint": settings()},
                                           root=Features.shared_dir)
            s = Features.shared
            uri = s.open(os.path.join(Features.shared_dir, name), text)
        else:
            s = self.ready(caps, **kw)
            uri = s.open(self.path(name), text)
        return s, uri, s.diagnostics(uri, 1)["diagnostics"]

    def actions(self, s, uri, diag, rng=None):
        r = s.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": rng or diag["range"],
            "context": {"diagnostics": [diag]}})
        return r["result"]

    def edits_of(self, action, uri):
        e = action["edit"]
        if "documentChanges" in e:
            return e["documentChanges"][0]["edits"]
        return e["changes"][uri]

    def test_diagnostic_shape(self):
        s, uri, diags = self.open_doc(docsBaseUrl="https://example.test/rules/")
        d = [x for x in diags if x["code"] == "lsptest/cure"][0]
        self.assertEqual(d["severity"], 1)
        self.assertEqual(d["source"], "claimlint")
        self.assertEqual(d["codeDescription"]["href"],
                         "https://example.test/rules/lsptest/cure.md")
        self.assertEqual(d["data"]["rule"], "lsptest/cure")
        self.assertEqual(d["data"]["status"], "unqualified")
        self.assertEqual(d["data"]["match"], "cures")
        m = [x for x in diags if x["code"] == "lsptest/miracle"][0]
        self.assertEqual(m["severity"], 2)

    def test_default_docs_links_exist(self):
        # No docsBaseUrl: links go to the rule reference next to the binary
        # (installed) or in the source tree, and the pages exist.
        s = self.start()
        s.initialize({}, {"claimlint": {"debounceMs": 0}}, root=self.dir)
        uri = s.open(self.path("h.md"), "Our injections cure arthritis for good.\n")
        diags = s.diagnostics(uri, 1)["diagnostics"]
        links = [d["codeDescription"]["href"] for d in diags if "codeDescription" in d]
        self.assertTrue(links, diags)
        from urllib.parse import unquote, urlparse
        for href in links:
            u = urlparse(href)
            self.assertEqual(u.scheme, "file")
            self.assertTrue(os.path.isfile(unquote(u.path)), href)

    def test_quick_fixes(self):
        s, uri, diags = self.open_doc()
        d = [x for x in diags if x["range"]["start"]["line"] == 2][0]
        acts = self.actions(s, uri, d)
        titles = [a["title"] for a in acts]
        self.assertEqual(len(acts), 6, titles)
        for a in acts:
            self.assertEqual(a["kind"], "quickfix")
            self.assertNotIn("command", a)
        results = [apply_edits(DOC, self.edits_of(a, uri)) for a in acts]
        line = lambda t: t.split("\n")[2]  # noqa: E731
        self.assertEqual(line(results[0]), "This tea may help with arthritis.")
        self.assertTrue(acts[0].get("isPreferred"))
        self.assertEqual(line(results[1]), "This tea can ease arthritis.")
        self.assertEqual(line(results[2]),
                         "Some research suggests that this tea cures arthritis.")
        self.assertEqual(line(results[3]), "This tea cures arthritis [citation needed].")
        self.assertEqual(results[4].split("\n")[2:4], [
            "<!-- claimlint-evidence: SOURCE; reviewed-by: NAME; reviewed: 2026-11-01 -->",
            "This tea cures arthritis."])
        self.assertEqual(line(results[5]), "This tea cures arthritis. <!-- "
                         "claimlint-disable-line lsptest/cure -- reason: REASON -->")

    def test_fixes_really_fix(self):
        # Each applied fix, sent back as an edit, removes that finding or (the
        # hedge) qualifies it.
        for k, status in ((0, None), (2, "hedged"), (5, None)):
            s, uri, diags = self.open_doc()
            d = [x for x in diags if x["range"]["start"]["line"] == 2][0]
            acts = self.actions(s, uri, d)
            new = apply_edits(DOC, self.edits_of(acts[k], uri))
            s.change(uri, 2, [{"text": new}])
            after = [x["data"]["status"] for x in s.diagnostics(uri, 2)["diagnostics"]
                     if x["code"] == "lsptest/cure" and x["range"]["start"]["line"] == 2]
            self.assertEqual(after, [status] if status else [], acts[k]["title"])

    def test_echoed_range_is_not_trusted(self):
        s, uri, diags = self.open_doc()
        d = [x for x in diags if x["range"]["start"]["line"] == 4][0]
        wrong = json.loads(json.dumps(d))
        # What Neovim 0.7.2 sends: byte columns labelled as UTF-16.
        wrong["range"] = {"start": {"line": 4, "character": 13},
                          "end": {"line": 4, "character": 18}}
        acts = self.actions(s, uri, wrong, rng=wrong["range"])
        new = apply_edits(DOC, self.edits_of(acts[0], uri))
        self.assertEqual(new.split("\n")[4], "\U0001F600 Our tea may help with \U0001F600 back pain.")

    def test_stale_data_after_edit(self):
        s, uri, diags = self.open_doc()
        d = [x for x in diags if x["range"]["start"]["line"] == 2][0]
        text = "Intro \u00e9\u00e9.\n" + DOC
        s.change(uri, 2, [{"range": lsp_range(DOC, 0, 0), "text": "Intro \u00e9\u00e9.\n"}])
        # No wait for the lint: the code action must use the new text.
        acts = self.actions(s, uri, d)
        new = apply_edits(text, self.edits_of(acts[0], uri))
        self.assertEqual(new.split("\n")[3], "This tea may help with arthritis.")

    def test_document_changes_when_supported(self):
        caps = {"workspace": {"workspaceEdit": {"documentChanges": True}}}
        s, uri, diags = self.open_doc(caps)
        acts = self.actions(s, uri, diags[0])
        dc = acts[0]["edit"]["documentChanges"][0]
        self.assertEqual(dc["textDocument"], {"uri": uri, "version": 1})

    def test_range_without_context(self):
        s, uri, diags = self.open_doc()
        r = s.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 3, "character": 3},
                      "end": {"line": 3, "character": 3}},
            "context": {"diagnostics": []}})
        titles = [a["title"] for a in r["result"]]
        self.assertTrue(any("miracle" in t for t in titles), titles)
        self.assertFalse(any("Hedge" in t for t in titles), titles)  # hedge-immune
        only = s.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diags[0]["range"],
            "context": {"diagnostics": [], "only": ["refactor"]}})
        self.assertEqual(only["result"], [])

    def test_document_rule_fix(self):
        s = self.ready(disable=["health/*"])
        text = "It cures.\n"
        uri = s.open(self.path("p.md"), text)
        d = [x for x in s.diagnostics(uri, 1)["diagnostics"]
             if x["code"] == "lsptest/disclaimer"][0]
        acts = self.actions(s, uri, d)
        new = apply_edits(text, self.edits_of(acts[0], uri))
        self.assertEqual(new, "It cures.\n\nThis page is not medical advice.\n")

    def test_hover(self):
        s, uri, diags = self.open_doc(
            text="This tea cures arthritis. Our miracle cure may help [3].\n")
        r = s.request("textDocument/hover", {
            "textDocument": {"uri": uri},
            "position": {"line": 0, "character": 11}})["result"]
        v = r["contents"]["value"]
        self.assertEqual(r["contents"]["kind"], "markdown")
        self.assertIn("lsptest/cure", v)
        self.assertIn("unqualified", v)
        self.assertIn("strongest evidence", v)  # rationale
        self.assertIn("FTC Health Products Compliance Guidance", v)
        self.assertEqual(r["range"], {"start": {"line": 0, "character": 9},
                                      "end": {"line": 0, "character": 14}})
        nothing = s.request("textDocument/hover", {
            "textDocument": {"uri": uri},
            "position": {"line": 0, "character": 2}})
        self.assertIsNone(nothing["result"])

    def test_hover_shows_cues_of_qualified_claims(self):
        s, uri, _ = self.open_doc(text="This tea may cure colds.\n",
                                  showQualified=True)
        r = s.request("textDocument/hover", {
            "textDocument": {"uri": uri},
            "position": {"line": 0, "character": 15}})["result"]
        v = r["contents"]["value"]
        self.assertIn("hedged", v)
        self.assertIn("\u201cmay\u201d", v)

    def test_plaintext_hover(self):
        caps = {"textDocument": {"hover": {"contentFormat": ["plaintext"]}}}
        s, uri, _ = self.open_doc(caps)
        r = s.request("textDocument/hover", {
            "textDocument": {"uri": uri},
            "position": {"line": 2, "character": 10}})["result"]
        self.assertEqual(r["contents"]["kind"], "plaintext")
        self.assertNotIn("**", r["contents"]["value"])


class Config(Base):
    def test_initialization_options(self):
        s = self.ready(minimumSeverity="error")
        uri = s.open(self.path("a.md"), DOC)
        codes = {x["code"] for x in s.diagnostics(uri, 1)["diagnostics"]}
        self.assertEqual(codes, {"lsptest/cure"})

    def test_push(self):
        s = self.ready()
        uri = s.open(self.path("a.md"), DOC)
        self.assertEqual(len(s.diagnostics(uri, 1)["diagnostics"]), 4)
        s.notify("workspace/didChangeConfiguration", {"settings": {"claimlint": {
            "disable": ["health/*", "lsptest/cure", "lsptest/disclaimer"]}}})
        d = s.diagnostics(uri, 1)
        self.assertEqual({x["code"] for x in d["diagnostics"]}, {"lsptest/miracle"})
        s.notify("workspace/didChangeConfiguration", {"settings": {"claimlint": {
            "disable": ["health/*"],
            "severity": {"lsptest/miracle": "error", "lsptest/disclaimer": "off"}}}})
        d = s.diagnostics(uri, 1)
        self.assertEqual(sorted(x["severity"] for x in d["diagnostics"]), [1, 1, 1, 1])

    def test_pull(self):
        s = self.start(settings_for_pull={"disable": [
            "health/*", "lsptest/miracle", "lsptest/disclaimer"]})
        s.initialize({"workspace": {"configuration": True}},
                     {"claimlint": settings()}, root=self.dir)
        uri = s.open(self.path("a.md"), DOC)
        s.wait(lambda m: m.get("method") == "workspace/configuration")
        d = s.diagnostics(uri, 1, pred=lambda p: all(
            x["code"] != "lsptest/miracle" for x in p["diagnostics"]))
        self.assertEqual(len(d["diagnostics"]), 3)
        # eglot's empty push makes the server ask again.
        s.settings_for_pull = {"disable": ["health/*", "lsptest/disclaimer"]}
        s.drain()
        s.notify("workspace/didChangeConfiguration", {"settings": {}})
        s.wait(lambda m: m.get("method") == "workspace/configuration")
        d = s.diagnostics(uri, 1, pred=lambda p: len(p["diagnostics"]) == 4)
        self.assertEqual(len(s.config_requests), 2)

    def test_config_file_restat(self):
        s = self.ready()
        uri = s.open(self.path("a.md"), DOC)
        self.assertEqual(len(s.diagnostics(uri, 1)["diagnostics"]), 4)
        self.write(".claimlint.json", '{"disable": ["lsptest/miracle"]}')
        s.change(uri, 2, [{"text": DOC}])
        d = s.diagnostics(uri, 2)
        self.assertEqual(len(d["diagnostics"]), 3)
        time.sleep(0.02)
        self.write(".claimlint.json", '{"disable": ["lsptest/cure"]}')
        s.change(uri, 3, [{"text": DOC}])
        d = s.diagnostics(uri, 3)
        self.assertEqual({x["code"] for x in d["diagnostics"]}, {"lsptest/miracle"})

    def test_watched_files(self):
        caps = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
        s = self.ready(caps)
        reg = s.wait(lambda m: m.get("method") == "client/registerCapability")
        globs = [w["globPattern"] for w in
                 reg["params"]["registrations"][0]["registerOptions"]["watchers"]]
        self.assertIn("**/.claimlint.json", globs)
        uri = s.open(self.path("a.md"), DOC)
        s.diagnostics(uri, 1)
        self.write(".claimlint.json", '{"disable": ["lsptest/*"]}')
        s.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": lspclient.file_uri(self.path(".claimlint.json")), "type": 1}]})
        self.assertEqual(s.diagnostics(uri, 1)["diagnostics"], [])

    def test_broken_config_is_reported_and_linting_goes_on(self):
        self.write(".claimlint.json", '{\n  "colour": true\n}\n')
        s = self.ready()
        uri = s.open(self.path("a.md"), DOC)
        msg = s.wait(lambda m: m.get("method") == "window/showMessage"
                     and m["params"]["type"] == 1)
        self.assertIn("colour", msg["params"]["message"])
        cfg = s.diagnostics(lspclient.file_uri(self.path(".claimlint.json")))
        self.assertEqual(cfg["diagnostics"][0]["range"]["start"]["line"], 1)
        self.assertEqual(len(s.diagnostics(uri, 1)["diagnostics"]), 4)
        # Fixed: the config diagnostics clear.
        self.write(".claimlint.json", '{"disable": ["lsptest/miracle"]}')
        s.change(uri, 2, [{"text": DOC}])
        self.assertEqual(len(s.diagnostics(uri, 2)["diagnostics"]), 3)
        cfg = s.diagnostics(lspclient.file_uri(self.path(".claimlint.json")))
        self.assertEqual(cfg["diagnostics"], [])

    def test_bad_settings_warn(self):
        s = self.start()
        s.initialize({}, {"claimlint": settings(minimumSeverity=7, bogus=1)},
                     root=self.dir)
        warns = [s.wait(lambda m: m.get("method") == "window/showMessage")
                 for _ in range(2)]
        text = " ".join(w["params"]["message"] for w in warns)
        self.assertIn("minimumSeverity", text)
        self.assertIn("bogus", text)

    def test_rules_dir_flag_and_save_frequency(self):
        s = self.start(["--rules-dir", PACK])
        s.initialize({}, {"disable": ["health/*"], "checkFrequency": "save"},
                     root=self.dir)
        uri = s.open(self.path("a.md"), "Fine.\n")
        s.diagnostics(uri, 1)
        s.change(uri, 2, [{"text": "It cures.\n"}])
        time.sleep(0.3)
        self.assertFalse(any(m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"].get("version") == 2 for m in s.seen))
        s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        self.assertEqual(len(s.diagnostics(uri, 2)["diagnostics"]), 2)


def main():
    global SERVER, PACK
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--pack", required=True)
    args, rest = ap.parse_known_args()
    SERVER = os.path.abspath(args.server)
    PACK = os.path.abspath(args.pack)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
