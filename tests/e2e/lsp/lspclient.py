"""A minimal LSP client for driving claimlint-lsp in tests.

It starts the server, frames messages, reads every byte the server writes to
stdout (anything that is not a well-formed frame fails the test) and answers
the server's own requests (workspace/configuration, client/registerCapability).
"""
import json
import os
import queue
import subprocess
import threading
import time

# Seconds to wait for a reply by default. Sanitized builds start and lint
# several times slower: scripts/test-asan sets CLAIMLINT_TEST_TIMEOUT_SCALE.
DEFAULT_TIMEOUT = 10 * float(os.environ.get("CLAIMLINT_TEST_TIMEOUT_SCALE",
                                            "1"))


class ProtocolViolation(Exception):
    pass


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def lsp_position(text, offset_chars, encoding="utf-16"):
    """The LSP position of Python string index offset_chars in text."""
    before = text[:offset_chars]
    line = 0
    start = 0
    i = 0
    while i < len(before):
        c = before[i]
        if c == "\n":
            line += 1
            start = i + 1
        elif c == "\r":
            if i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
            line += 1
            start = i + 1
        i += 1
    col_text = before[start:]
    if encoding == "utf-8":
        return {"line": line, "character": len(col_text.encode("utf-8"))}
    return {"line": line, "character": utf16_len(col_text)}


def lsp_range(text, begin_chars, end_chars, encoding="utf-16"):
    return {"start": lsp_position(text, begin_chars, encoding),
            "end": lsp_position(text, end_chars, encoding)}


def offset_of(text, pos, encoding="utf-16"):
    """Python string index of LSP position pos in text (no clamping)."""
    lines = text.splitlines(keepends=True)
    idx = 0
    for i in range(pos["line"]):
        idx += len(lines[i])
    line = lines[pos["line"]] if pos["line"] < len(lines) else ""
    units = 0
    j = 0
    while units < pos["character"] and j < len(line):
        ch = line[j]
        units += len(ch.encode("utf-8")) if encoding == "utf-8" else utf16_len(ch)
        j += 1
    return idx + j


def apply_edits(text, edits, encoding="utf-16"):
    spans = []
    for e in edits:
        b = offset_of(text, e["range"]["start"], encoding)
        en = offset_of(text, e["range"]["end"], encoding)
        spans.append((b, en, e["newText"]))
    for b, en, new in sorted(spans, reverse=True):
        text = text[:b] + new + text[en:]
    return text


def file_uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


class Server:
    def __init__(self, server, args=(), cwd=None, settings_for_pull=None):
        self.proc = subprocess.Popen(
            [server, "--stdio", *args], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.seen = []  # every message from the server, in order
        self.stderr = []
        self.next_id = 1
        self.settings_for_pull = settings_for_pull
        self.config_requests = []
        self.registrations = []
        self.violation = None
        self._lock = threading.Lock()
        self._t = threading.Thread(target=self._read, daemon=True)
        self._t.start()
        self._e = threading.Thread(target=self._read_err, daemon=True)
        self._e.start()

    # -- wire ------------------------------------------------------------
    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                headers = {}
                line = out.readline()
                if not line:
                    return
                while line not in (b"\r\n",):
                    if not line.endswith(b"\r\n") or b":" not in line:
                        raise ProtocolViolation("bad header line %r" % line)
                    k, v = line[:-2].split(b":", 1)
                    headers[k.strip().lower()] = v.strip()
                    line = out.readline()
                    if not line:
                        raise ProtocolViolation("stdout ended in a header")
                n = int(headers[b"content-length"])
                body = out.read(n)
                if len(body) != n:
                    raise ProtocolViolation("stdout ended in a body")
                msg = json.loads(body.decode("utf-8"))
                msg["_t"] = time.monotonic()
                self._dispatch(msg)
        except Exception as e:  # noqa: BLE001 - reported by the test
            self.violation = e
            self.messages.put({"_violation": str(e)})

    def _read_err(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def _dispatch(self, msg):
        if "method" in msg and "id" in msg:
            m = msg["method"]
            if m == "workspace/configuration":
                self.config_requests.append(msg)
                if self.settings_for_pull is not None:
                    items = msg["params"]["items"]
                    self.send({"jsonrpc": "2.0", "id": msg["id"],
                               "result": [self.settings_for_pull] * len(items)})
            elif m == "client/registerCapability":
                self.registrations.append(msg)
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        with self._lock:
            self.seen.append(msg)
        self.messages.put(msg)

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        body = json.dumps(obj).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    # -- messages --------------------------------------------------------
    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def wait(self, pred, timeout=None, what="message"):
        if timeout is None:
            timeout = DEFAULT_TIMEOUT
        deadline = time.monotonic() + timeout
        # Look at what already arrived first.
        with self._lock:
            for m in self.seen:
                if not m.get("_used") and pred(m):
                    m["_used"] = True
                    return m
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("timed out waiting for %s; stderr:\n%s"
                                   % (what, "".join(self.stderr[-20:])))
            try:
                m = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if "_violation" in m:
                raise ProtocolViolation(m["_violation"])
            if not m.get("_used") and pred(m):
                m["_used"] = True
                return m

    def drain(self):
        """Forget every message received so far (waits see only newer ones)."""
        with self._lock:
            for m in self.seen:
                m["_used"] = True
        while True:
            try:
                self.messages.get_nowait()
            except queue.Empty:
                return

    def response(self, rid, timeout=None):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m,
                         timeout, "response %r" % rid)

    def request(self, method, params=None, timeout=None):
        return self.response(self.request_async(method, params), timeout)

    def diagnostics(self, uri, version=None, pred=None, timeout=None):
        def ok(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            if p["uri"] != uri:
                return False
            if version is not None and p.get("version") != version:
                return False
            return pred(p) if pred else True
        return self.wait(ok, timeout, "diagnostics for %s v%s" % (uri, version))["params"]

    def initialize(self, capabilities=None, init_options=None, root=None):
        params = {"processId": os.getpid(),
                  "rootUri": file_uri(root or os.getcwd()),
                  "capabilities": capabilities or {}}
        if init_options is not None:
            params["initializationOptions"] = init_options
        r = self.request("initialize", params)
        self.notify("initialized", {})
        return r

    def open(self, path, text, language="markdown", version=1):
        uri = file_uri(path)
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})
        return uri

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": changes})

    def shutdown_and_exit(self, timeout=None):
        r = self.request("shutdown", timeout=timeout)
        self.notify("exit")
        return r, self.proc.wait(DEFAULT_TIMEOUT if timeout is None
                                 else timeout)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except OSError:
                pass
