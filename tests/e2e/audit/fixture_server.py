"""A fixture web site on 127.0.0.1 for the audit tests.

Serves the files under site/ ("{{PORT}}" in them becomes the server's port)
plus a few special routes: /old.html redirects, /slow answers after three
seconds, /data.json is not a text page. Every request path is recorded, so a
test can check what the crawler fetched. Nothing here contacts any other
address.

    python3 fixture_server.py      # serve until Ctrl-C, for trying by hand
"""

import http.server
import os
import threading
import time

SITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "site")

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
}


class FixtureServer:
    def __init__(self, site=SITE):
        self.site = site
        self.requests = []
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def send(self, status, body=b"", ctype="text/html", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

            def do_GET(self):
                path = self.path.split("?")[0]
                with outer.lock:
                    outer.requests.append(path)
                if path == "/old.html":
                    return self.send(301, headers=[("Location", "/treatments/knee.html")])
                if path == "/slow":
                    time.sleep(3)
                    return self.send(200, b"<p>Too late: pills cure flu.</p>")
                if path == "/data.json":
                    return self.send(200, b"{}", "application/json")
                if path.endswith("/"):
                    path += "index.html"
                local = os.path.normpath(os.path.join(outer.site, path.lstrip("/")))
                if not local.startswith(outer.site) or not os.path.isfile(local):
                    return self.send(404, b"<p>not found</p>")
                with open(local, "rb") as f:
                    body = f.read().replace(b"{{PORT}}", str(outer.port).encode())
                ext = os.path.splitext(local)[1]
                self.send(200, body, TYPES.get(ext, "application/octet-stream"))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = "http://127.0.0.1:%d" % self.port
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def fetched(self):
        with self.lock:
            return list(self.requests)

    def clear(self):
        with self.lock:
            self.requests.clear()


def clean_env():
    """The environment for claimlint: no proxy may redirect loopback traffic."""
    env = dict(os.environ)
    for k in list(env):
        if k.lower() in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
            del env[k]
    env["NO_COLOR"] = "1"
    return env


if __name__ == "__main__":
    with FixtureServer() as s:
        print("serving", s.base, "(Ctrl-C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
