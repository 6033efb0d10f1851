# shellcheck shell=bash
# Shared steps of scripts/demo and scripts/test. Source it; do not run it.
#
# Environment knobs (all optional):
#   CLAIMLINT_BUILD_DIR  build tree (default: <repo>/build)
#   CLAIMLINT_WERROR=1   configure with CMAKE_COMPILE_WARNING_AS_ERROR=ON
#   JOBS                 parallel build and test jobs (default: 2)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BUILD_DIR=${CLAIMLINT_BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-2}
WERROR=OFF
if [[ "${CLAIMLINT_WERROR:-0}" == 1 ]]; then
  WERROR=ON
fi

step() {
  printf '\n==> %s\n' "$*"
}

# Installs (or names) the missing Debian packages; see scripts/deps.
ensure_deps() {
  step "dependencies"
  bash "$ROOT/scripts/deps"
}

# cache_get VAR: the value of VAR in the build tree's CMakeCache.txt.
cache_get() {
  sed -n "s/^$1:[A-Z]*=//p" "$BUILD_DIR/CMakeCache.txt" | head -n 1
}

# Whether the build tree was configured from this source tree.
same_source() {
  local home
  home=$(cache_get CMAKE_HOME_DIRECTORY)
  [[ -n "$home" && "$(cd "$home" 2>/dev/null && pwd -P)" == "$ROOT" ]]
}

# The cached CMAKE_COMPILE_WARNING_AS_ERROR, as ON or OFF (unset means OFF).
werror_cached() {
  case "$(cache_get CMAKE_COMPILE_WARNING_AS_ERROR)" in
    ON | on | TRUE | true | 1) echo ON ;;
    *) echo OFF ;;
  esac
}

# Configures a Release build with Ninja, unless the build tree already has one.
# A second run only re-runs CMake when the tree is incomplete or was made with
# other settings; `cmake --build` re-runs it by itself when CMake files change.
configure() {
  local args=(-S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_COMPILE_WARNING_AS_ERROR:BOOL="$WERROR")
  local why=""
  if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    why="new build tree"
  elif [[ "$(cache_get CMAKE_GENERATOR)" != Ninja ]]; then
    why="build tree uses another generator"
    args+=(--fresh)
  elif ! same_source; then
    why="build tree belongs to another source tree"
    args+=(--fresh)
  elif [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
    why="last configure did not finish"
  elif [[ "$(cache_get CMAKE_BUILD_TYPE)" != Release ]]; then
    why="build type was $(cache_get CMAKE_BUILD_TYPE)"
  elif [[ "$(werror_cached)" != "$WERROR" ]]; then
    why="warnings-as-errors changed to $WERROR"
  fi
  if [[ -z "$why" ]]; then
    step "configure: ${BUILD_DIR#"$ROOT"/} is configured, skipping"
    return 0
  fi
  step "configure ($why)"
  cmake "${args[@]}"
}

# build TARGET...: builds the given targets ("all" for everything).
build() {
  local targets=()
  local t
  for t in "$@"; do
    targets+=(--target "$t")
  done
  step "build${*:+ $*}"
  cmake --build "$BUILD_DIR" -j "$JOBS" "${targets[@]}"
}
