#!/usr/bin/env python3
"""Runs one real-editor test (Neovim or Emacs) against claimlint-lsp.

  run_client_test.py nvim  --nvim PATH  --server PATH --pack DIR [--encoding utf-8]
  run_client_test.py nvim-plugin --nvim PATH --server PATH --pack DIR
  run_client_test.py emacs --emacs PATH --eglot-dir DIR --server PATH --pack DIR

The page is written to a fresh folder; the editor script writes a JSON report,
printed here. Exit status 0 means the editor script passed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

PAGE = ("# Tea\n"
        "\n"
        "This tea cures arthritis.\n"
        "A miracle \u201ccure\u201d for you.\n"
        "\U0001F600 Our tea cures \U0001F600 back pain.\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("client", choices=["nvim", "nvim-plugin", "emacs"])
    ap.add_argument("--nvim")
    ap.add_argument("--emacs")
    ap.add_argument("--eglot-dir")
    ap.add_argument("--server", required=True)
    ap.add_argument("--pack", required=True)
    ap.add_argument("--encoding", default="utf-16")
    ap.add_argument("--timeout", type=int, default=60)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="claimlint-%s-" % a.client)
    try:
        doc = os.path.join(tmp, "tea.md")
        with open(doc, "w", encoding="utf-8") as f:
            f.write(PAGE)
        result = os.path.join(tmp, "result.json")
        env = dict(os.environ, SERVER=os.path.abspath(a.server),
                   PACK=os.path.abspath(a.pack), DOC=doc, RESULT_FILE=result,
                   ENCODING=a.encoding, HOME=tmp, XDG_CONFIG_HOME=tmp,
                   XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp)
        if a.client == "nvim":
            cmd = [a.nvim, "--headless", "--clean", "-n", "-c",
                   "luafile " + os.path.join(HERE, "nvim_test.lua")]
        elif a.client == "nvim-plugin":
            env["PLUGIN"] = os.path.join(HERE, "..", "..", "..", "plugins", "neovim")
            cmd = [a.nvim, "--headless", "--clean", "-n", "-c",
                   "luafile " + os.path.join(HERE, "nvim_plugin_test.lua")]
        else:
            env["EGLOT_DIR"] = a.eglot_dir
            cmd = [a.emacs, "--batch", "-Q", "-l",
                   os.path.join(HERE, "emacs_test.el")]
        p = subprocess.run(cmd, env=env, cwd=tmp, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=a.timeout)
        report = {}
        if os.path.exists(result):
            with open(result, encoding="utf-8") as f:
                report = json.load(f)
        print(json.dumps(report, indent=2, ensure_ascii=False))
        if p.returncode != 0:
            print("exit status %d\nstdout:\n%s\nstderr:\n%s"
                  % (p.returncode, p.stdout[-4000:], p.stderr[-4000:]))
            return 1
        if "error" in report:
            return 1
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
