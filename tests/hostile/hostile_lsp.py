#!/usr/bin/env python3
"""Faults at the language server (claimlint-lsp) as a black box
(docs/reliability.md).

Each case starts the built server on pipes and checks an explicit
expectation: the replies, the exit status, and a hang guard (and a memory
bound for the big message). The protocol tests in tests/e2e/lsp cover single
malformed messages, wrong Content-Length values, requests before initialize
and unknown methods; these cases push the same faults harder: a 100 MB
message, a Content-Length past the server's limit, a storm of garbage, and
clients that disappear mid-message or stop reading.

    hostile_lsp.py --server PATH --pack DIR --case NAME [--sanitized]
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SERVER = None
PACK = None
SANITIZED = False
CASES = {}


def case(fn):
    CASES[fn.__name__.replace("_", "-")] = fn
    return fn


class Failure(Exception):
    pass


def expect(cond, what):
    if not cond:
        raise Failure(what)


def frame(obj):
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def rss_mb(pid):
    """Peak resident memory so far (VmHWM) of a running process, in MB."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


class Server:
    """The server on pipes; a reader thread collects framed messages."""

    def __init__(self, tmp, guard, max_mb=600, deaf=False):
        """With deaf=True nobody ever reads the server's output: the read
        end of its stdout pipe is closed at once, so its writes fail."""
        if SANITIZED:
            guard *= 6
            max_mb = max_mb * 3 + 600
        self.guard, self.max_mb = guard, max_mb
        self.err = open(os.path.join(tmp, "stderr"), "w+b")
        out = subprocess.PIPE
        if deaf:
            rd, out = os.pipe()
        self.p = subprocess.Popen(
            [SERVER, "--rules-dir", PACK, "--today", "2024-01-01",
             "--log=info"], stdin=subprocess.PIPE, stdout=out,
            stderr=self.err, cwd=tmp)
        if deaf:
            os.close(out)
            os.close(rd)
        self.messages = []
        self.cond = threading.Condition()
        self.peak = 0.0
        self.start = time.monotonic()
        self.reader = threading.Thread(target=self._read, daemon=True)
        if not deaf:
            self.reader.start()
        self.watcher = threading.Thread(target=self._watch, daemon=True)
        self.killed = None
        self.watcher.start()

    def _watch(self):
        while self.p.poll() is None:
            self.peak = max(self.peak, rss_mb(self.p.pid))
            if time.monotonic() - self.start > self.guard:
                self.killed = "hang guard: still running after %.0f s" % self.guard
            elif self.peak > self.max_mb:
                self.killed = "memory guard: over %d MB" % self.max_mb
            if self.killed:
                self.p.kill()
                return
            time.sleep(0.05)

    def _read(self):
        out = self.p.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    with self.cond:
                        self.cond.notify_all()
                    return
                header += c
            n = 0
            for line in header.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    n = int(line.split(b":")[1])
            body = out.read(n)
            with self.cond:
                self.messages.append(json.loads(body))
                self.cond.notify_all()

    def send(self, data):
        self.p.stdin.write(data if isinstance(data, bytes) else frame(data))
        self.p.stdin.flush()

    def wait_for(self, pred, what, timeout=30):
        if SANITIZED:
            timeout *= 6
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for m in self.messages:
                    if pred(m):
                        return m
                if time.monotonic() > deadline:
                    raise Failure("no %s within %d s%s" % (what, timeout,
                                                           self.stderr_tail()))
                if self.p.poll() is not None and not self.reader.is_alive():
                    raise Failure("no %s: the server exited with %s%s" % (
                        what, self.p.returncode, self.stderr_tail()))
                self.cond.wait(0.2)

    def reply_to(self, id_, timeout=30):
        return self.wait_for(lambda m: m.get("id") == id_ and "method" not in m,
                             "reply to request %r" % (id_,), timeout)

    def initialize(self):
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                   "params": {"processId": None, "rootUri": None,
                              "capabilities": {}}})
        r = self.reply_to(1)
        expect("result" in r, "initialize failed: %s" % r)
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def finish(self, timeout=30):
        if SANITIZED:
            timeout *= 6
        try:
            self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            raise Failure("hang guard: the server did not exit within %d s"
                          % timeout)
        self.watcher.join()
        expect(self.killed is None, (self.killed or "") + self.stderr_tail())
        return self.p.returncode

    def stderr_tail(self):
        self.err.flush()
        self.err.seek(0)
        t = self.err.read().decode(errors="replace")
        return "\nstderr: " + t[-1500:] if t else ""


def expect_no_sanitizer_report(s):
    t = s.stderr_tail()
    expect("Sanitizer" not in t and "runtime error" not in t,
           "sanitizer report:" + t)


@case
def huge_message(tmp):
    """A 100 MB didOpen (20 MB with sanitizers), a claim on its last line:
    the server reads it, publishes the claim at the right line and
    character, answers the next request and exits 0 after shutdown."""
    size = (20 if SANITIZED else 100) << 20
    line = b"plain words without any claim in them, again and again.\n"
    lines = size // len(line)
    text = (line * lines).decode() + "It cures arthritis."
    s = Server(tmp, guard=60, max_mb=size * 12 // (1 << 20) + 300)
    s.initialize()
    uri = "file://" + os.path.join(tmp, "big.md")
    s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "markdown",
                                        "version": 1, "text": text}}})
    pub = s.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                     and m["params"]["uri"] == uri, "diagnostics for the big file",
                     timeout=60)
    cures = [d for d in pub["params"]["diagnostics"]
             if d.get("code") == "fz/cure" or "fz/cure" in json.dumps(d)]
    expect(cures, "the claim at the end was not reported")
    start = cures[0]["range"]["start"]
    expect(start == {"line": lines, "character": 3},
           "claim at %s, expected line %d character 3" % (start, lines))
    s.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    s.reply_to(2)
    s.send({"jsonrpc": "2.0", "method": "exit"})
    expect(s.finish() == 0, "exit status %s" % s.p.returncode)
    expect_no_sanitizer_report(s)


@case
def length_over_limit(tmp):
    """A Content-Length past the server's limit (a 2 GB claim with no such
    body behind it): a ParseError reply, no allocation of that size, and the
    server keeps serving the next message."""
    s = Server(tmp, guard=30, max_mb=400)
    s.send(b"Content-Length: 2000000000\r\n\r\n")
    s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"capabilities": {}}})
    err = s.wait_for(lambda m: "error" in m and m.get("id") is None,
                     "an error reply with a null id")
    expect(err["error"]["code"] == -32700, "error %s" % err)
    expect("result" in s.reply_to(1), "initialize after the bad header")
    s.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    s.reply_to(2)
    s.send({"jsonrpc": "2.0", "method": "exit"})
    expect(s.finish() == 0, "exit status %s" % s.p.returncode)


@case
def garbage_storm(tmp):
    """5,000 malformed messages (bad JSON, bad headers, non-objects, JSON
    that is not JSON-RPC) then a valid session: every request is answered,
    the server does not slow to a crawl (hang guard) and exits 0."""
    s = Server(tmp, guard=60)
    junk = [b"Content-Length: 7\r\n\r\n{broken",
            b"Content-Length: abc\r\n\r\n",
            frame(b"[1, 2, 3]"),
            frame(b"\"just a string\""),
            frame({"jsonrpc": "2.0", "id": {"x": 1}, "method": "initialize"}),
            frame({"id": 5, "method": 7}),
            b"\r\n\r\nnot a header at all\r\n\r\n"]
    blob = b"".join(junk[i % len(junk)] for i in range(5000))
    writer = threading.Thread(target=lambda: s.send(blob))
    writer.start()
    writer.join()
    s.initialize()
    s.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    s.reply_to(2, timeout=60)
    s.send({"jsonrpc": "2.0", "method": "exit"})
    expect(s.finish() == 0, "exit status %s" % s.p.returncode)
    expect_no_sanitizer_report(s)


@case
def client_vanishes_mid_message(tmp):
    """The client dies half-way through a message (its end of stdin
    closes): the server exits by itself, status 1 (input ended inside a
    message), without hanging."""
    s = Server(tmp, guard=30)
    s.initialize()
    s.send(b"Content-Length: 500\r\n\r\n{\"jsonrpc\": \"2.0\", \"method\": ")
    s.p.stdin.close()
    expect(s.finish() == 1, "exit status %s, expected 1" % s.p.returncode)
    expect_no_sanitizer_report(s)


@case
def client_stops_reading(tmp):
    """Nobody reads the server's output (the client closed that pipe) while
    the client goes on sending requests and edits: every write fails with
    EPIPE; the server must stop by itself (status 1, "cannot write to the
    client"), not hang or crash, even before its input ends."""
    s = Server(tmp, guard=30, deaf=True)
    uri = "file://" + os.path.join(tmp, "a.md")
    s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"capabilities": {}}})
    s.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    try:
        for v in range(200):
            if v == 0:
                s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                        "params": {"textDocument": {
                            "uri": uri, "languageId": "markdown", "version": 1,
                            "text": "It cures arthritis."}}})
            else:
                s.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                        "params": {"textDocument": {"uri": uri, "version": v + 1},
                                   "contentChanges": [{"text": "It cures arthritis %d." % v}]}})
            s.send({"jsonrpc": "2.0", "id": 100 + v, "method": "textDocument/hover",
                    "params": {"textDocument": {"uri": uri},
                               "position": {"line": 0, "character": 4}}})
            time.sleep(0.01)
    except BrokenPipeError:
        pass  # it stopped reading too: it has gone, which is the point
    # The input stays open: the server has to notice the broken output.
    rc = s.finish()
    expect(rc == 1, "exit status %s, expected 1%s" % (rc, s.stderr_tail()))
    expect(b"cannot write" in s.stderr_tail().encode(),
           "no message about the client%s" % s.stderr_tail())
    expect_no_sanitizer_report(s)


@case
def killed_client_leaves_no_server(tmp):
    """The client is killed outright: the server sees end of input and
    exits (0: no message was left half-read), so no orphan keeps running."""
    s = Server(tmp, guard=30)
    s.initialize()
    s.p.stdin.close()  # what the kernel does to a killed client's pipe
    expect(s.finish() == 0, "exit status %s, expected 0" % s.p.returncode)


def main():
    global SERVER, PACK, SANITIZED
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server")
    ap.add_argument("--pack")
    ap.add_argument("--case", action="append", default=[])
    ap.add_argument("--sanitized", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--expect-cases")
    a = ap.parse_args()
    if a.list:
        print("\n".join(CASES))
        return 0
    if a.expect_cases is not None:
        registered = sorted(x for x in a.expect_cases.split(";") if x)
        if registered != sorted(CASES):
            print("CMake registers %s\nthe script has %s" % (registered, sorted(CASES)))
            return 1
        return 0
    SERVER, PACK, SANITIZED = os.path.abspath(a.server), a.pack, a.sanitized
    failed = 0
    for name in a.case or list(CASES):
        tmp = tempfile.mkdtemp(prefix="claimlint-hostile-lsp-")
        try:
            print("%s:" % name)
            CASES[name](tmp)
            print("  ok")
        except Failure as e:
            failed += 1
            print("  FAILED: %s" % e)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
