#!/usr/bin/env python3
"""Hostile inputs for the claimlint command line (docs/reliability.md).

Each case builds its input in a fresh temporary folder (big inputs are made
here, never committed), runs the claimlint binary as a black box and checks
an explicit expectation: the exit status, the output, and bounds on wall time
and peak memory (the child's VmHWM, sampled from /proc every 20 ms: wait4's
ru_maxrss would count this Python process, whose memory the child shares
until it execs).

Time bounds are hang guards, not benchmarks: generous limits past which the
run is killed and the case fails. Memory bounds are just as generous, set to
catch growth that is out of proportion to the input. With --sanitized
(AddressSanitizer builds, which run several times slower and use more memory)
the big inputs shrink and both bounds widen; each case says how.

    hostile_cli.py --claimlint PATH --case NAME [--sanitized]
    hostile_cli.py --list
"""

import argparse
import json
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
PACK = os.path.join(SOURCE, "tests", "fuzz", "pack")

CLAIMLINT = None
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


class Result:
    def __init__(self, rc, out, err, seconds, rss_mb):
        self.rc, self.out, self.err = rc, out, err
        self.seconds, self.rss_mb = seconds, rss_mb

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError as e:
            raise Failure("output is not JSON (%s): %r" % (e, self.out[:300]))

    def describe(self):
        return "exit %s, %.2f s, %.0f MB peak\nstderr: %s" % (
            self.rc, self.seconds, self.rss_mb, self.err.decode(errors="replace")[:2000])


def memory_mb(pid):
    """(resident, peak resident) of a running process in MB; 0 if gone."""
    rss = hwm = 0.0
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024.0
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return rss, hwm


def run(args, *, guard, max_mb, cwd=None, stdin=None, preexec=None,
        env=None, tool=None):
    """Runs the tool with a hang guard of `guard` seconds and checks that
    its peak resident memory stays under `max_mb` megabytes."""
    if SANITIZED:
        guard *= 6
        max_mb = max_mb * 3 + 600
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    start = time.monotonic()
    p = subprocess.Popen([tool or CLAIMLINT] + args, cwd=cwd, stdout=out,
                         stderr=err, stdin=stdin if stdin is not None
                         else subprocess.DEVNULL, preexec_fn=preexec, env=env)
    killed = []
    peak = [0.0]
    done = threading.Event()

    def watch():
        # The guards: kill a run that takes too long, or whose resident
        # memory passes its bound (before it can take the whole machine).
        while not done.wait(0.02):
            rss, hwm = memory_mb(p.pid)
            peak[0] = max(peak[0], hwm, rss)
            if time.monotonic() - start > guard:
                killed.append("hang guard: still running after %.0f s" % guard)
            elif rss > max_mb:
                killed.append("memory guard: over %d MB while running" % max_mb)
            if killed:
                p.kill()
                return

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        _, status, _ = os.wait4(p.pid, 0)
    finally:
        done.set()
        watcher.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    out.seek(0)
    err.seek(0)
    r = Result(p.returncode, out.read(), err.read(), seconds, peak[0])
    print("  ran %s: %s" % (" ".join(args)[-200:], r.describe().split("\n")[0]))
    expect(not killed, killed[0] if killed else "")
    expect(r.rc >= 0, "killed by signal %d\n%s" % (-r.rc, r.describe()))
    expect(r.rss_mb <= max_mb, "peak memory %.0f MB over the bound of %d MB"
           % (r.rss_mb, max_mb))
    return r


def lint(paths, *, guard=30, max_mb=300, extra=(), fmt="json", **kw):
    return run(["--no-config", "--rules-dir", PACK, "--format", fmt,
                "--today", "2024-01-01"] + list(extra) + list(paths),
               guard=guard, max_mb=max_mb, **kw)


def ours(diags, rule=None):
    """Findings of the test pack (the built-in packs may add their own)."""
    return [d for d in diags if d["rule"].startswith("fz/")
            and (rule is None or d["rule"] == rule)]


def expect_finding(diags, rule, text, offset, line=None, column=None):
    hits = [d for d in ours(diags, rule) if d["offset"] == offset]
    expect(hits, "no %s finding at offset %d; findings: %s" % (
        rule, offset, [(d["rule"], d["offset"], d["match"]) for d in ours(diags)][:10]))
    d = hits[0]
    expect(d["length"] == len(text), "%s at %d: length %d, expected %d" % (
        rule, offset, d["length"], len(text)))
    if line is not None:
        expect((d["line"], d["column"]) == (line, column),
               "%s at %d: line:column %d:%d, expected %d:%d" % (
                   rule, offset, d["line"], d["column"], line, column))
    return d


def write(path, data, mode="wb"):
    with open(path, mode) as f:
        f.write(data)
    return path


# ---------------------------------------------------------------- encodings


@case
def empty_file(tmp):
    """An empty file: nothing to report, exit 0."""
    p = write(os.path.join(tmp, "empty.md"), b"")
    r = lint([p], guard=10, max_mb=200)
    expect(r.rc == 0, "exit %d, expected 0\n%s" % (r.rc, r.describe()))
    j = r.json()
    expect(j["diagnostics"] == [], "findings in an empty file")
    expect(j["summary"]["files"] == 1, "summary does not count the file")


@case
def invalid_utf8(tmp):
    """Invalid UTF-8 is read byte for byte: claims around it are found at
    their exact offsets and the JSON output stays valid."""
    data = (b"\xff\xff It cures arthritis. \xc3\x28 broken \xe2\x82\n\n"
            b"\xf0\x90\x80 Walk pain-free \xed\xa0\x80 now.\n")
    p = write(os.path.join(tmp, "bad.md"), data)
    r = lint([p], guard=10, max_mb=200)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    j = r.json()
    expect_finding(j["diagnostics"], "fz/cure", "cures arthritis",
                   data.index(b"cures arthritis"), 1, data.index(b"cures") + 1)
    expect_finding(j["diagnostics"], "fz/pain-free", "pain-free",
                   data.index(b"pain-free"), 3, data.index(b"pain-free") - data.index(b"\n\n") - 1)
    t = lint([p], fmt="text", guard=10, max_mb=200)
    expect(t.rc == 1 and b"fz/cure" in t.out, "text output lost the finding")


@case
def nul_bytes(tmp):
    """NUL bytes. A file with a NUL in its first 8 KiB is taken for binary
    and skipped with a note (exit 0, nothing reported). Past that, and on
    standard input, NULs are ordinary bytes: they neither end the text nor
    shift offsets."""
    early = write(os.path.join(tmp, "early.md"), b"It\x00 cures arthritis.\n")
    r = lint([early], guard=10, max_mb=200)
    expect(r.rc == 0, "exit %d, expected 0\n%s" % (r.rc, r.describe()))
    expect(b"early.md: binary file skipped" in r.err, "no note: %r" % r.err)
    expect(r.json()["diagnostics"] == [], "a binary file was linted")

    data = (b"Plain words.\n" * 700 + b"It\x00 cures arthritis.\x00\n\n"
            b"Walk pain-free\x00 today.\n\x00\x00")
    late = write(os.path.join(tmp, "late.md"), data)
    line = data.count(b"\n", 0, data.index(b"pain-free")) + 1
    for args, stdin in (([late], None), (["--stdin-filename", "x.md", "-"], "late")):
        with open(late, "rb") as f:
            r = lint(args, guard=10, max_mb=200, stdin=f if stdin else None)
        expect(r.rc == 1, "%s: exit %d, expected 1\n%s" % (args, r.rc, r.describe()))
        j = r.json()
        expect_finding(j["diagnostics"], "fz/cure", "cures arthritis",
                       data.index(b"cures arthritis"), 701, 5)
        expect_finding(j["diagnostics"], "fz/pain-free", "pain-free",
                       data.index(b"pain-free"), line, 6)
    t = lint([late], fmt="text", guard=10, max_mb=200)
    expect(t.rc == 1 and b"fz/cure" in t.out, "text format: exit %d" % t.rc)


@case
def utf16_bom(tmp):
    """A UTF-16 file (with its byte order mark) is a clear error, exit 2:
    offsets are bytes of the original file, and a transcoded copy would not
    have the same ones. Other files are still linted."""
    text = "It cures arthritis.\n"
    le = write(os.path.join(tmp, "le.md"), b"\xff\xfe" + text.encode("utf-16-le"))
    be = write(os.path.join(tmp, "be.txt"), b"\xfe\xff" + text.encode("utf-16-be"))
    good = write(os.path.join(tmp, "good.md"), b"It cures arthritis.\n")
    r = lint([le, be, good], guard=10, max_mb=200)
    expect(r.rc == 2, "exit %d, expected 2\n%s" % (r.rc, r.describe()))
    err = r.err.decode()
    for name in ("le.md", "be.txt"):
        expect(any(name in line and "UTF-16" in line for line in err.splitlines()),
               "no UTF-16 error naming %s: %s" % (name, err))
    j = r.json()
    expect({d["path"] for d in ours(j["diagnostics"])} == {good},
           "only good.md should have findings: %s" % ours(j["diagnostics"]))


# ---------------------------------------------------------------- big inputs


@case
def long_line(tmp):
    """A 100 MB file that is one line (20 MB with sanitizers): the claim at
    its end is found at the right byte and column. Hang guard 30 s (the
    issue's budget is about 10 s in Release; see docs/reliability.md for
    the measured time)."""
    size = (20 if SANITIZED else 100) << 20
    filler = b"plain words without any claim in them "
    tail = b"and then it cures arthritis."
    body = filler * ((size - len(tail)) // len(filler))
    data = body + tail
    p = write(os.path.join(tmp, "line.txt"), data)
    r = lint([p], guard=30, max_mb=(size >> 20) * 6 + 150)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    off = len(body) + tail.index(b"cures")
    d = expect_finding(r.json()["diagnostics"], "fz/cure", "cures arthritis",
                       off, 1, off + 1)
    expect(d["endColumn"] == off + 1 + len("cures arthritis"), "end column")


def nested(tmp, name, data, claim, guard=20, max_mb=400):
    p = write(os.path.join(tmp, name), data)
    r = lint([p], guard=guard, max_mb=max_mb)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    expect_finding(r.json()["diagnostics"], "fz/cure", "cures arthritis",
                   data.index(claim))


@case
def deep_lists(tmp):
    """10,000 nested Markdown lists ("- - - ... item" on one line, and the
    same as ordered lists): read without recursion trouble, the claim in
    the innermost item is found."""
    nested(tmp, "lists.md", b"- " * 10000 + b"It cures arthritis.\n",
           b"cures arthritis")
    nested(tmp, "olists.md", b"1. " * 10000 + b"It cures arthritis.\n",
           b"cures arthritis")


@case
def deep_quotes(tmp):
    """10,000 nested block quotes, on one line and on 10,000 lines."""
    nested(tmp, "quotes.md", b"> " * 10000 + b"It cures arthritis.\n",
           b"cures arthritis")
    lines = b"".join(b"> " * i + b"x\n" for i in range(1, 2000, 97))
    nested(tmp, "quotes2.md", lines + b"> " * 10000 + b"It cures arthritis.\n",
           b"cures arthritis")


@case
def deep_html(tmp):
    """10,000 nested HTML elements (div, ul/li, span, b) in an HTML file and
    as raw HTML in Markdown."""
    for tag in (b"div", b"span", b"b"):
        nested(tmp, tag.decode() + ".html",
               b"<" + tag + b">" * 1 + (b"<" + tag + b">") * 9999 +
               b"It cures arthritis." + (b"</" + tag + b">") * 10000,
               b"cures arthritis")
    nested(tmp, "ul.html", b"<ul><li>" * 10000 + b"It cures arthritis.",
           b"cures arthritis")
    nested(tmp, "raw.md", b"<div>\n" + b"<div>" * 10000 +
           b"\n\nIt cures arthritis.\n\n" + b"</div>" * 10000 + b"\n",
           b"cures arthritis")


@case
def deep_inline(tmp):
    """10,000 nested emphasis markers and link brackets around a claim."""
    nested(tmp, "em.md", b"*" * 10000 + b"It cures arthritis." + b"*" * 10000,
           b"cures arthritis")
    nested(tmp, "links.md", b"[" * 10000 + b"It cures arthritis." +
           b"](x)" * 10000, b"cures arthritis")


@case
def million_paragraphs(tmp):
    """A million tiny paragraphs (200,000 with sanitizers), a claim in the
    last: found at its offset and line."""
    n = 200000 if SANITIZED else 1000000
    body = b"Ok.\n\n" * n
    data = body + b"It cures arthritis.\n"
    p = write(os.path.join(tmp, "many.md"), data)
    r = lint([p], guard=60, max_mb=1200)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    expect_finding(r.json()["diagnostics"], "fz/cure", "cures arthritis",
                   len(body) + 3, 2 * n + 1, 4)


# ---------------------------------------------------------------- file system


@case
def symlink_loops(tmp):
    """Symbolic link loops: a folder walk ends and lints the real file once
    (a folder reached again through a link is skipped, looping file links
    are skipped); a looping link named on the command line is an error,
    exit 2."""
    d = os.path.join(tmp, "site")
    os.makedirs(os.path.join(d, "sub"))
    write(os.path.join(d, "real.md"), b"It cures arthritis.\n")
    os.symlink("b.md", os.path.join(d, "a.md"))
    os.symlink("a.md", os.path.join(d, "b.md"))
    os.symlink("..", os.path.join(d, "sub", "up"))
    os.symlink(d, os.path.join(d, "self"))
    r = lint([d], guard=20)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    paths = sorted({x["path"] for x in ours(r.json()["diagnostics"])})
    expect(paths == [os.path.join(d, "real.md")], "linted %s" % paths)
    r = lint([os.path.join(d, "a.md")], guard=20)
    expect(r.rc == 2, "looping link named: exit %d, expected 2" % r.rc)
    expect(b"a.md" in r.err and b"symbolic links" in r.err,
           "no error naming the loop: %r" % r.err)


def nobody():
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        return None


@case
def unreadable_files(tmp):
    """Files that cannot be read. Root reads any file whatever its mode, so
    the test uses things root cannot read either: a dangling symbolic link
    and a Unix socket named on the command line, and (as root) a mode-000
    file read by a child that drops to user 'nobody'. Each is an error
    naming the file, exit 2, and the readable files are still linted."""
    good = write(os.path.join(tmp, "good.md"), b"It cures arthritis.\n")
    dangling = os.path.join(tmp, "gone.md")
    os.symlink(os.path.join(tmp, "missing.md"), dangling)
    sock_path = os.path.join(tmp, "sock.md")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(sock_path)
    try:
        r = lint([dangling, sock_path, good], guard=20)
    finally:
        s.close()
    expect(r.rc == 2, "exit %d, expected 2\n%s" % (r.rc, r.describe()))
    err = r.err.decode()
    expect("gone.md" in err and "No such file" in err, "dangling: %s" % err)
    expect("sock.md" in err, "socket not reported: %s" % err)
    expect({d["path"] for d in ours(r.json()["diagnostics"])} == {good},
           "good.md not linted")

    # A mode-000 file in a folder.
    d = os.path.join(tmp, "site")
    os.mkdir(d)
    write(os.path.join(d, "a.md"), b"It cures arthritis.\n")
    locked = write(os.path.join(d, "b.md"), b"It cures arthritis.\n")
    os.chmod(locked, 0)
    preexec = None
    if os.geteuid() == 0:
        who = nobody()
        if who is None:
            print("  skipped the mode-000 part: no user 'nobody'")
            return
        os.chmod(tmp, 0o755)
        os.chmod(d, 0o755)
        os.chmod(os.path.join(d, "a.md"), 0o644)

        def preexec():
            os.setgid(who.pw_gid)
            os.setuid(who.pw_uid)
        # The binary and the pack must be reachable by 'nobody'.
        probe = subprocess.run([CLAIMLINT, "--no-config", "--rules-dir", PACK,
                                "--list-rules"], preexec_fn=preexec,
                               capture_output=True)
        if probe.returncode != 0:
            print("  skipped the mode-000 part: 'nobody' cannot run %s" % CLAIMLINT)
            return
    r = lint([d], guard=20, preexec=preexec)
    expect(r.rc == 2, "mode 000: exit %d, expected 2\n%s" % (r.rc, r.describe()))
    expect(b"b.md" in r.err and b"Permission denied" in r.err,
           "no permission error: %r" % r.err)
    expect({x["path"] for x in ours(r.json()["diagnostics"])} ==
           {os.path.join(d, "a.md")}, "a.md not linted")


@case
def special_files(tmp):
    """A FIFO and a socket inside a folder are skipped by the walk (no
    hang). /dev/zero named on the command line, which never ends, is not
    read to its end: its first bytes make it a binary file, skipped with a
    note (exit 0); a device that passed that test would be refused as not a
    regular file (exit 2)."""
    d = os.path.join(tmp, "site")
    os.mkdir(d)
    write(os.path.join(d, "a.md"), b"It cures arthritis.\n")
    os.mkfifo(os.path.join(d, "pipe.md"))
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(os.path.join(d, "sock.md"))
    try:
        r = lint([d], guard=20)
    finally:
        s.close()
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    r = lint(["/dev/zero"], guard=20, max_mb=300)
    expect((r.rc == 0 and b"/dev/zero: binary file skipped" in r.err) or
           (r.rc == 2 and b"/dev/zero: not a regular file" in r.err),
           "/dev/zero: %s" % r.describe())


@case
def file_changes_while_read(tmp):
    """A file truncated and rewritten while claimlint reads it: whatever
    bytes it gets, it must not crash (no SIGBUS from a mapped file that
    shrank) and must still print valid JSON, exiting 0, 1 or 2."""
    p = os.path.join(tmp, "moving.md")
    big = b"Some text without claims at all, repeated.\n" * (1 << 20)  # 44 MB
    write(p, big)
    stop = threading.Event()

    def churn():
        while not stop.is_set():
            with open(p, "r+b") as f:
                f.truncate(0)
            with open(p, "r+b") as f:
                f.write(big)
    t = threading.Thread(target=churn)
    t.start()
    try:
        for _ in range(8):
            r = lint([p], guard=30, max_mb=800)
            expect(r.rc in (0, 1, 2), "exit %d\n%s" % (r.rc, r.describe()))
            r.json()
    finally:
        stop.set()
        t.join()


@case
def ten_thousand_files(tmp):
    """A folder of 10,000 files (2,000 with sanitizers), each with a claim:
    every file is linted and reported once, in path order, with memory
    bounded by the output window, not by the number of files."""
    n = 2000 if SANITIZED else 10000
    d = os.path.join(tmp, "site")
    os.mkdir(d)
    for i in range(n):
        write(os.path.join(d, "p%05d.md" % i), b"It cures arthritis.\n")
    r = lint([d], guard=60, max_mb=400)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    j = r.json()
    found = ours(j["diagnostics"], "fz/cure")
    expect(len(found) == n, "%d findings, expected %d" % (len(found), n))
    paths = [x["path"] for x in found]
    expect(paths == sorted(paths) and len(set(paths)) == n, "paths out of order")
    expect(j["summary"]["files"] == n, "summary counts %s files" % j["summary"]["files"])


# ---------------------------------------------------------------- rules


def rule(rid, **kw):
    r = {"id": rid, "severity": "warning", "summary": "Test rule.",
         "message": "'{match}' is a test claim", "rationale": "Test.",
         "references": [{"title": "t", "url": "https://example.org"}],
         "examples": {"flag": [], "pass": []}}
    r.update(kw)
    return r


def make_pack(root, name, rules, vocab=None):
    d = os.path.join(root, name)
    os.makedirs(d)
    write(os.path.join(d, "pack.json"),
          json.dumps({"name": name, "vocabulary": vocab or {}}), "w")
    for r in rules:
        write(os.path.join(d, r["id"].split("/")[1] + ".json"),
              json.dumps(r, indent=2) + "\n", "w")
    return d


@case
def rejected_regex(tmp):
    """A user rule whose pattern RE2 rejects (a look-behind): a located
    error at the pattern in the rule file (file:line:col), exit 2."""
    pack = make_pack(tmp, "mine", [rule("mine/bad", patterns=["fine", "(?<=no)cure"])])
    page = write(os.path.join(tmp, "page.md"), b"It cures arthritis.\n")
    r = run(["--no-config", "--rules-dir", tmp, page], guard=20, max_mb=300)
    expect(r.rc == 2, "exit %d, expected 2\n%s" % (r.rc, r.describe()))
    path = os.path.join(pack, "bad.json")
    text = open(path).read()
    off = text.index('"(?<=no)cure"')
    line = text.count("\n", 0, off) + 1
    col = off - (text.rfind("\n", 0, off) + 1) + 1
    err = r.err.decode()
    expect(any(l.startswith("%s:%d:" % (path, line)) and "error" in l
               for l in err.splitlines()),
           "no error located at %s:%d:%d:\n%s" % (path, line, col, err))
    expect("%s:%d:%d:" % (path, line, col) in err or
           "%s:%d:%d:" % (path, line, col + 1) in err,
           "error not at column %d:\n%s" % (col, err))


@case
def ten_thousand_rules(tmp):
    """A pack of 10,000 rules (2,000 with sanitizers): it loads, the first
    and the last rule both match, memory stays bounded."""
    n = 2000 if SANITIZED else 10000
    rules = [rule("big/r%05d" % i, phrases=["zq%05d claim" % i]) for i in range(n)]
    make_pack(tmp, "big", rules)
    page = write(os.path.join(tmp, "page.md"),
                 ("First zq00000 claim. Last zq%05d claim.\n" % (n - 1)).encode())
    r = run(["--no-config", "--rules-dir", tmp, "--format", "json", page],
            guard=120, max_mb=1500)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    got = sorted(d["rule"] for d in r.json()["diagnostics"]
                 if d["rule"].startswith("big/"))
    expect(got == ["big/r00000", "big/r%05d" % (n - 1)], "findings %s" % got)


def huge_pattern(i):
    # About 34,000 RE2 instructions: the rule alone compiles (each pattern
    # has its own budget), but forty of them exceed the RE2::Set budget.
    # Same as hugePattern() in PatternSetBudgetTest.cpp.
    alts = "|".join("%s%s%d%s" % (chr(97 + k), chr(122 - k), i,
                                  chr(97 + (k * 7) % 26)) for k in range(10))
    return "qq%d(?:%s){0,800}zz" % (i, alts)


@case
def set_over_budget(tmp):
    """Patterns whose RE2::Set is too big for its memory budget: the
    prefilter falls back to running each pattern, and every match is still
    reported (tests/hostile/PatternSetBudgetTest.cpp checks that the fallback
    really runs for these patterns)."""
    n = 40
    rules = [rule("huge/h%02d" % i, patterns=[huge_pattern(i)]) for i in range(n)]
    make_pack(tmp, "huge", rules)
    text = "Start qq0zz then QQ%dAZ%dABY%dHzz end.\n" % (n - 1, n - 1, n - 1)
    page = write(os.path.join(tmp, "page.md"), text.encode())
    r = run(["--no-config", "--rules-dir", tmp, "--format", "json", page],
            guard=120, max_mb=2000)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    got = sorted((d["rule"], d["offset"]) for d in r.json()["diagnostics"]
                 if d["rule"].startswith("huge/"))
    want = [("huge/h00", text.index("qq0zz")),
            ("huge/h%02d" % (n - 1), text.index("QQ%d" % (n - 1)))]
    expect(got == want, "findings %s, expected %s" % (got, want))


@case
def glob_backtracking(tmp):
    """A config glob with many stars against long paths must not backtrack
    exponentially."""
    d = os.path.join(tmp, "a" * 40)
    os.mkdir(d)
    write(os.path.join(d, "a" * 60 + ".md"), b"It cures arthritis.\n")
    write(os.path.join(tmp, ".claimlint.json"),
          json.dumps({"root": True, "rulesDirs": [PACK],
                      "ignore": ["*a" * 14 + "*b"]}), "w")
    r = run(["--format", "json", d], guard=20, max_mb=300, cwd=tmp)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))


# ---------------------------------------------------------------- --fix


FIX_PAGE = (b"\xef\xbb\xbf# Knee care\r\n\r\nOur clinic cures arthritis.\r\n"
            b"Walk pain-free in weeks.  \r\nA miracle injection!\r\n"
            b"It cures *back* pain.\r\n")


@case
def fix_applies_safe_suggestions(tmp):
    """--fix applies the safe suggestions and keeps the byte order mark,
    CRLF line endings, trailing spaces and permissions; what cannot be fixed
    is reported after; a second run finds nothing more to fix."""
    p = write(os.path.join(tmp, "page.md"), FIX_PAGE)
    os.chmod(p, 0o640)
    r = lint([p], extra=["--fix"], guard=20)
    expect(r.rc == 1, "exit %d, expected 1 (the markup claim is left)\n%s"
           % (r.rc, r.describe()))
    want = FIX_PAGE.replace(b"cures arthritis", b"may ease") \
        .replace(b"pain-free", b"with less pain") \
        .replace(b"miracle injection", b"new treatment")
    got = open(p, "rb").read()
    expect(got == want, "fixed file:\n%r\nexpected:\n%r" % (got, want))
    expect(stat.S_IMODE(os.stat(p).st_mode) == 0o640, "permissions changed")
    expect(b"3 fixes in 1 file applied" in r.err, "summary: %r" % r.err)
    expect(b"spans markup" in r.err, "the skipped fix is not explained")
    left = [d for d in ours(r.json()["diagnostics"]) if d["rule"] != "fz/disclaimer"]
    expect([d["match"] for d in left] == ["cures *back* pain"],
           "left after the fix: %s" % [d["match"] for d in left])
    expect(sorted(os.listdir(tmp)) == ["page.md"], "left files: %s" % os.listdir(tmp))
    again = lint([p], extra=["--fix"], guard=20)
    expect(b"0 fixes in 0 files applied" in again.err, "second run: %r" % again.err)
    expect(open(p, "rb").read() == want, "second run changed the file")


@case
def fix_dry_run(tmp):
    """--fix-dry-run prints a unified diff, changes nothing, exits 1; with
    nothing to fix it prints nothing and exits 0."""
    p = write(os.path.join(tmp, "page.md"), FIX_PAGE)
    r = lint(["page.md"], extra=["--fix-dry-run"], guard=20, cwd=tmp)
    expect(r.rc == 1, "exit %d, expected 1\n%s" % (r.rc, r.describe()))
    want = (b"--- a/page.md\n+++ b/page.md\n@@ -1,6 +1,6 @@\n"
            b" \xef\xbb\xbf# Knee care\r\n \r\n"
            b"-Our clinic cures arthritis.\r\n-Walk pain-free in weeks.  \r\n"
            b"-A miracle injection!\r\n"
            b"+Our clinic may ease.\r\n+Walk with less pain in weeks.  \r\n"
            b"+A new treatment!\r\n"
            b" It cures *back* pain.\r\n")
    expect(r.out == want, "diff:\n%s\nexpected:\n%s" % (r.out.decode(), want.decode()))
    expect(open(p, "rb").read() == FIX_PAGE, "dry run changed the file")
    clean = write(os.path.join(tmp, "clean.md"), b"Nothing to see.\n")
    r = lint([clean], extra=["--fix-dry-run"], guard=20)
    expect(r.rc == 0 and r.out == b"", "clean: exit %d, output %r" % (r.rc, r.out))


def start_paused_fix(tmp, page):
    marker = os.path.join(tmp, "paused")
    args = [CLAIMLINT, "--no-config", "--rules-dir", PACK, "--fix",
            "--fix-test-pause", marker, page]
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + (120 if SANITIZED else 30)
    while not os.path.exists(marker):
        if p.poll() is not None:
            raise Failure("claimlint ended before pausing: %r" % p.communicate()[1])
        expect(time.monotonic() < deadline, "hang guard: never paused")
        time.sleep(0.01)
    time.sleep(0.05)  # the marker is written atomically; let it settle
    return p, marker, open(marker).read()


@case
def fix_killed_midway(tmp):
    """SIGKILL between writing the temporary file and the rename: the
    original is intact, byte for byte. The temporary file (hidden, with the
    fixed text) is what is left; folder walks skip hidden files."""
    d = os.path.join(tmp, "site")
    os.mkdir(d)
    page = write(os.path.join(d, "page.md"), FIX_PAGE)
    p, marker, temp = start_paused_fix(tmp, page)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    expect(p.returncode == -signal.SIGKILL, "not killed: %s" % p.returncode)
    expect(open(page, "rb").read() == FIX_PAGE, "the original was changed")
    expect(os.path.dirname(temp) == d, "temporary file %s not beside the page" % temp)
    expect(os.path.basename(temp).startswith(".page.md."), "temp name %s" % temp)
    expect(b"may ease" in open(temp, "rb").read(), "temporary file lacks the fix")
    r = lint([d], guard=20)
    expect([x["path"] for x in ours(r.json()["diagnostics"])
            if x["rule"] == "fz/cure"] == [page, page],
           "the walk must lint page.md only")


@case
def fix_refuses_changed_file(tmp):
    """A file saved by someone else while --fix works on it is left as they
    saved it: exit 2, an error saying it changed, no temporary file left."""
    page = write(os.path.join(tmp, "page.md"), FIX_PAGE)
    p, marker, temp = start_paused_fix(tmp, page)
    theirs = FIX_PAGE + b"Their new line.\r\n"
    write(page, theirs)
    os.unlink(marker)
    _, err = p.communicate(timeout=120 if SANITIZED else 30)
    expect(p.returncode == 2, "exit %d, expected 2: %r" % (p.returncode, err))
    expect(b"changed since it was read" in err, "error: %r" % err)
    expect(open(page, "rb").read() == theirs, "their save was overwritten")
    expect(not os.path.exists(temp), "temporary file left behind")


@case
def fix_through_symlink(tmp):
    """--fix on a symbolic link rewrites its target and keeps the link;
    a file with two hard links is refused, exit 2, unchanged."""
    real = write(os.path.join(tmp, "real.md"), b"It cures arthritis.\n")
    link = os.path.join(tmp, "link.md")
    os.symlink("real.md", link)
    r = lint([link], extra=["--fix"], guard=20)
    expect(r.rc == 0, "exit %d, expected 0\n%s" % (r.rc, r.describe()))
    expect(os.path.islink(link), "the link was replaced by a file")
    expect(open(real, "rb").read() == b"It may ease.\n", "target not fixed")
    hard = write(os.path.join(tmp, "hard.md"), b"It cures arthritis.\n")
    os.link(hard, os.path.join(tmp, "hard2.md"))
    r = lint([hard], extra=["--fix"], guard=20)
    expect(r.rc == 2 and b"hard links" in r.err, "hard link: %s" % r.describe())
    expect(open(hard, "rb").read() == b"It cures arthritis.\n", "hard link changed")


def main():
    global CLAIMLINT, SANITIZED
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claimlint")
    ap.add_argument("--case", action="append", default=[])
    ap.add_argument("--sanitized", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--expect-cases", help="';'-separated list CMake registers")
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
    CLAIMLINT = os.path.abspath(a.claimlint)
    SANITIZED = a.sanitized
    names = a.case or list(CASES)
    failed = 0
    for name in names:
        tmp = tempfile.mkdtemp(prefix="claimlint-hostile-")
        try:
            print("%s:" % name)
            CASES[name](tmp)
            print("  ok")
        except Failure as e:
            failed += 1
            print("  FAILED: %s" % e)
        finally:
            for root, dirs, _ in os.walk(tmp):
                for x in dirs:
                    try:
                        os.chmod(os.path.join(root, x), 0o755)
                    except OSError:
                        pass
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
