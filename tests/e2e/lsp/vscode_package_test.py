#!/usr/bin/env python3
"""Packages the VS Code extension for linux-x64 with vsce and checks the VSIX.

  vscode_package_test.py --stage DIR --server PATH [--docs DIR]

DIR is the staged extension (vscode_setup.sh). The server binary goes to
server/linux-x64/ and the rule reference (if there is one) to docs/rules/.
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys
import zipfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stage", required=True)
    ap.add_argument("--server", required=True)
    ap.add_argument("--docs")
    a = ap.parse_args()
    stage = os.path.abspath(a.stage)
    srv_dir = os.path.join(stage, "server", "linux-x64")
    shutil.rmtree(os.path.join(stage, "server"), ignore_errors=True)
    os.makedirs(srv_dir)
    srv = os.path.join(srv_dir, "claimlint-lsp")
    shutil.copy2(a.server, srv)
    os.chmod(srv, 0o755)
    docs = os.path.join(stage, "docs", "rules")
    shutil.rmtree(os.path.join(stage, "docs"), ignore_errors=True)
    have_docs = bool(a.docs) and os.path.isdir(a.docs)
    if have_docs:
        shutil.copytree(a.docs, docs)
    vsix = os.path.join(stage, "claimlint-linux-x64.vsix")
    if os.path.exists(vsix):
        os.remove(vsix)
    vsce = os.path.join(stage, "node_modules", ".bin", "vsce")
    p = subprocess.run([vsce, "package", "--target", "linux-x64", "-o", vsix],
                       cwd=stage, stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=300)
    print(p.stdout[-3000:], p.stderr[-3000:])
    if p.returncode != 0:
        print("vsce package failed with status %d" % p.returncode)
        return 1
    failures = []
    with zipfile.ZipFile(vsix) as z:
        names = set(z.namelist())
        lower = {n.lower() for n in names}
        info = z.getinfo("extension/server/linux-x64/claimlint-lsp")
        mode = info.external_attr >> 16
        if not mode & stat.S_IXUSR:
            failures.append("server binary is not executable: %o" % mode)
        if info.file_size != os.path.getsize(a.server):
            failures.append("server binary has the wrong size")
        manifest = z.read("extension.vsixmanifest").decode("utf-8")
        if 'TargetPlatform="linux-x64"' not in manifest:
            failures.append("manifest lacks TargetPlatform linux-x64")
        for need in ("extension/package.json", "extension/out/extension.js",
                     "extension/out/config.js", "extension/README.md",
                     "extension/LICENSE.txt",
                     "extension/node_modules/vscode-languageclient/package.json"):
            if need.lower() not in lower:
                failures.append("missing " + need)
        for unwanted in ("extension/src/extension.ts", "extension/test/config.test.js",
                         "extension/node_modules/typescript/package.json",
                         "extension/node_modules/@vscode/vsce/package.json"):
            if unwanted in names:
                failures.append("should not be packaged: " + unwanted)
        if have_docs and not any(n.startswith("extension/docs/rules/") for n in names):
            failures.append("rule reference not bundled")
    print("%d files in %s (%d KiB)" % (len(names), os.path.basename(vsix),
                                        os.path.getsize(vsix) // 1024))
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
