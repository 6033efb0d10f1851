#!/usr/bin/env bash
# Test fixture: stage the VS Code extension in STAGE (a build folder), install
# its npm packages with scripts/deps-npm-vscode and compile it.
set -euo pipefail
STAGE=${1:?usage: vscode_setup.sh STAGE}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)
bash "$ROOT/scripts/deps-npm-vscode" --stage "$STAGE"
cd "$STAGE"
rm -rf out
./node_modules/.bin/tsc -p .
test -f out/extension.js -a -f out/config.js
echo "vscode_setup: compiled in $STAGE"
