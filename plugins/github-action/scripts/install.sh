#!/usr/bin/env bash
# Makes claimlint available to the later steps of the action.
#   INPUT_INSTALL=auto   use claimlint from PATH, else build it (default)
#   INPUT_INSTALL=path   require claimlint on PATH
#   INPUT_INSTALL=build  build this action's own source (two levels up)
# A build goes to $RUNNER_TEMP/claimlint-build and is added to $GITHUB_PATH.
# It needs Debian/Ubuntu packages (installed with sudo when missing) and
# CMake 3.25 or newer.
set -euo pipefail

mode=${INPUT_INSTALL:-auto}
case "$mode" in
  auto | path | build) ;;
  *)
    echo "::error title=claimlint::install must be auto, path or build, not '$mode'"
    exit 2
    ;;
esac

if [[ "$mode" != build ]] && command -v claimlint >/dev/null 2>&1; then
  echo "claimlint: using $(command -v claimlint) ($(claimlint --version | head -n 1))"
  exit 0
fi
if [[ "$mode" == path ]]; then
  echo "::error title=claimlint::claimlint is not on PATH (install: path)"
  exit 2
fi

src=$(cd "$GITHUB_ACTION_PATH/../.." && pwd -P)
build=${RUNNER_TEMP:-/tmp}/claimlint-build
packages=(cmake ninja-build g++ pkg-config llvm-14-dev libffi-dev libtinfo-dev
  libxml2-dev zlib1g-dev libre2-dev nlohmann-json3-dev libmd4c-dev)
missing=()
for p in "${packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" != installed ]]; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends "${missing[@]}"
fi
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCLAIMLINT_BUILD_TESTS=OFF
cmake --build "$build" --target claimlint
echo "$build/tools/claimlint" >>"${GITHUB_PATH:-/dev/null}"
echo "claimlint: built $("$build/tools/claimlint/claimlint" --version | head -n 1)"
