#!/usr/bin/env bash
# Runs claimlint for the action with the INPUT_* variables that action.yml
# sets, and writes exit-code and sarif-file to $GITHUB_OUTPUT. It exits 0
# itself (the action's last step fails the job with exit-code), so the SARIF
# upload still happens when there are findings.
#
# The github format appends its summary to $GITHUB_STEP_SUMMARY by itself.
set -uo pipefail

output() {
  echo "$1=$2" >>"${GITHUB_OUTPUT:-/dev/null}"
}

words() { # words VAR TEXT: split TEXT on blanks and new lines into array VAR
  local -n into=$1
  into=()
  local w
  for w in $2; do
    into+=("$w")
  done
}

set -f # no globbing when splitting the inputs
words paths "${INPUT_PATHS:-.}"
words extra "${INPUT_ARGS:-}"
set +f
if ((${#paths[@]} == 0)); then
  paths=(.)
fi
format=${INPUT_FORMAT:-github}

common=()
if [[ -n "${INPUT_PROFILE:-}" ]]; then
  common+=(--profile "$INPUT_PROFILE")
fi
if [[ -n "${INPUT_DIFF_BASE:-}" ]]; then
  common+=(--diff-base "$INPUT_DIFF_BASE")
fi
if [[ -n "${INPUT_BASELINE:-}" ]]; then
  if claimlint --help 2>&1 | grep -q -- '--baseline'; then
    common+=(--baseline "$INPUT_BASELINE")
  else
    echo "::error title=claimlint::the baseline input needs a claimlint with --baseline, which this one does not have yet"
    output exit-code 2
    output sarif-file ""
    exit 0
  fi
fi
gate=(--fail-on "${INPUT_FAIL_ON:-warning}")
if [[ -n "${INPUT_MAX_WARNINGS:-}" ]]; then
  gate+=(--max-warnings "$INPUT_MAX_WARNINGS")
fi

sarif=""
status=0
if [[ "$format" == sarif || "${INPUT_UPLOAD_SARIF:-false}" == true ]]; then
  mkdir -p "$(dirname "${INPUT_SARIF_FILE:-claimlint.sarif}")"
fi
if [[ "$format" == sarif ]]; then
  sarif=${INPUT_SARIF_FILE:-claimlint.sarif}
  claimlint "${common[@]}" "${gate[@]}" "${extra[@]}" --format sarif \
    -o "$sarif" "${paths[@]}"
  status=$?
else
  if [[ "${INPUT_UPLOAD_SARIF:-false}" == true ]]; then
    sarif=${INPUT_SARIF_FILE:-claimlint.sarif}
    claimlint "${common[@]}" --fail-on never "${extra[@]}" --format sarif \
      -o "$sarif" "${paths[@]}"
    status=$?
    if ((status != 0)); then
      sarif=""
    fi
  fi
  if ((status == 0)); then
    claimlint "${common[@]}" "${gate[@]}" "${extra[@]}" --format "$format" \
      "${paths[@]}"
    status=$?
  fi
fi

output exit-code "$status"
output sarif-file "$sarif"
case $status in
  0) echo "claimlint: passed" ;;
  1) echo "claimlint: findings at or above fail-on (exit 1)" ;;
  *) echo "claimlint: failed to run (exit $status)" ;;
esac
exit 0
