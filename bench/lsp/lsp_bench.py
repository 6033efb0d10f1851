#!/usr/bin/env python3
"""Benchmark: re-lint latency of claimlint-lsp after a one-character edit.

Opens a generated ~100 KB Markdown document, then makes N one-character
incremental edits (typing and deleting a letter at random places) and times
each from writing the didChange to reading the header of the
publishDiagnostics that answers it (same version). Debounce is set to 0, so
the figure is the server's own work: applying the edit, linting the whole
document, converting positions and writing the JSON.

  bench/lsp/lsp_bench.py --server build/tools/claimlint-lsp/claimlint-lsp
        [--rules-dir DIR] [--size 100000] [--edits 500] [--json]

Not part of ctest. Results: docs/performance.md ("Language server").
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

PARAGRAPHS = [
    "Our clinic offers \u201cregenerative\u201d injections for knee and hip pain. "
    "Many patients say the treatment cures arthritis \U0001F600 and that they "
    "walk pain-free within weeks.",
    "Physiotherapy may help some people with back pain, and a 2021 trial "
    "(Smith et al., 2021) found a small benefit [3].",
    "- A miracle cure for migraines\n- Guaranteed results, no side effects\n"
    "- Clinically proven to reverse joint damage",
    "> \u201cI was cured in one visit!\u201d \u2014 a happy client",
    "The evidence for stem cell therapy is limited, and more research is "
    "needed before it can be recommended. Caf\u00e9 r\u00e9sum\u00e9 na\u00efve "
    "\u4e2d\u6587 text keeps the UTF-16 conversion honest.",
    "| Treatment | Claim |\n|---|---|\n| PRP | heals tendons fast |\n"
    "| Ozone | eliminates pain |",
    "Our breakthrough therapy works for everyone.",
]

# A directive makes the server lint the whole page (it can reach across
# paragraphs); --directives adds one to measure that path.
DIRECTIVE = ("<!-- claimlint-disable-next-line -- reviewed by legal -->\n"
             "Our breakthrough therapy works for everyone.")


def make_doc(size, rnd, directives=False):
    parts, n, i = ([DIRECTIVE] if directives else []), 0, 0
    while n < size:
        if i % 12 == 0:
            parts.append("## Section %d" % (i // 12 + 1))
        p = PARAGRAPHS[rnd.randrange(len(PARAGRAPHS))]
        parts.append(p)
        n += len(p.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts) + "\n"


class Conn:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 1

    def send(self, obj):
        b = json.dumps(obj).encode("utf-8")
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
        self.p.stdin.flush()

    def read_header(self):
        n = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise EOFError("server closed stdout")
            if line == b"\r\n":
                return n
            k, v = line.split(b":", 1)
            if k.strip().lower() == b"content-length":
                n = int(v)

    def read(self):
        n = self.read_header()
        t = time.perf_counter()
        return t, json.loads(self.p.stdout.read(n))

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            _, m = self.read()
            if m.get("id") == rid and "method" not in m:
                return m


def cpu_seconds(pid):
    """User + system CPU time of a process so far (Linux /proc)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return float("nan")


def utf16_pos(text, idx):
    before = text[:idx]
    line = before.count("\n")
    col = before[before.rfind("\n") + 1:]
    return {"line": line, "character": len(col.encode("utf-16-le")) // 2}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--rules-dir", action="append", default=[])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--edits", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--directives", action="store_true",
                    help="put a claimlint directive in the page (whole-page path)")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    text = make_doc(a.size, rnd, a.directives)
    tmp = tempfile.mkdtemp(prefix="claimlint-bench-")
    path = os.path.join(tmp, "page.md")
    cmd = [a.server, "--stdio"]
    for d in a.rules_dir:
        cmd += ["--rules-dir", d]
    c = Conn(cmd)
    c.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + tmp,
                             "capabilities": {},
                             "initializationOptions": {"debounceMs": 0}})
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file://" + path
    t0 = time.perf_counter()
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                         "text": text}}})
    while True:
        t1, m = c.read()
        if m.get("method") == "textDocument/publishDiagnostics":
            break
    first_ms = (t1 - t0) * 1000
    findings = len(m["params"]["diagnostics"])

    times = []
    version = 1
    cpu0 = cpu_seconds(c.p.pid)
    for k in range(a.edits):
        version += 1
        if k % 2 == 0:
            # Type a letter after a random space.
            idx = text.find(" ", rnd.randrange(len(text)))
            idx = idx + 1 if idx >= 0 else 0
            pos = utf16_pos(text, idx)
            change = {"range": {"start": pos, "end": pos}, "text": "x"}
            text = text[:idx] + "x" + text[idx:]
            last = idx
        else:
            pos, end = utf16_pos(text, last), utf16_pos(text, last + 1)
            change = {"range": {"start": pos, "end": end}, "text": ""}
            text = text[:last] + text[last + 1:]
        msg = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [change]}}
        body = json.dumps(msg).encode("utf-8")
        frame = b"Content-Length: %d\r\n\r\n" % len(body) + body
        start = time.perf_counter()
        c.p.stdin.write(frame)
        c.p.stdin.flush()
        while True:
            n = c.read_header()
            got = time.perf_counter()
            m = json.loads(c.p.stdout.read(n))
            if (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == version):
                break
        times.append((got - start) * 1000)

    cpu_per_edit = (cpu_seconds(c.p.pid) - cpu0) * 1000 / max(1, len(times))
    load = os.getloadavg()[0]
    c.request("shutdown", None)
    c.send({"jsonrpc": "2.0", "method": "exit"})
    c.p.wait(10)
    times.sort()

    def pct(p):
        return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]

    res = {"bytes": len(text.encode("utf-8")), "findings": findings,
           "edits": len(times), "open_ms": round(first_ms, 2),
           "p50_ms": round(pct(50), 3), "p90_ms": round(pct(90), 3),
           "p99_ms": round(pct(99), 3), "max_ms": round(times[-1], 3),
           "mean_ms": round(statistics.mean(times), 3),
           "server_cpu_ms_per_edit": round(cpu_per_edit, 3),
           "load_average": round(load, 2), "cores": os.cpu_count()}
    if a.json:
        print(json.dumps(res))
    else:
        print("document: %d bytes, %d findings; first lint %.1f ms"
              % (res["bytes"], findings, first_ms))
        print("didChange -> publishDiagnostics over %d one-character edits:" % len(times))
        print("  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  mean %.2f ms"
              % (res["p50_ms"], res["p90_ms"], res["p99_ms"], res["max_ms"],
                 res["mean_ms"]))
        print("  server CPU per edit %.2f ms; load average %.2f on %d cores"
              % (cpu_per_edit, load, os.cpu_count()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
