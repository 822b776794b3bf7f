#!/usr/bin/env bash
# The suite as `make test` runs it: phases with their times, the 15 slowest tests, and
# pytest's "no tests ran" (exit 5) turned into a failure.
#   tests/run_suite.sh PYTHON WORKERS MARK BROWSER [pytest args...]
# The browser tests run in a second pytest run: they commit the demo platform to their
# test database, which the other tests must never see. BROWSER=0 leaves them out.
set -uo pipefail
py=$1 workers=$2 mark=$3 browser=$4
shift 4

phase() {  # phase NAME COMMAND...: run, print its time, stop on failure
  local name=$1 start rc
  shift
  start=$(date +%s)
  echo "== $name"
  "$@"
  rc=$?
  if [ "$rc" -eq 5 ]; then
    echo "== $name: pytest collected no tests: failing"
    rc=1
  fi
  echo "== $name: $(( $(date +%s) - start )) s (exit $rc)"
  [ "$rc" -eq 0 ] || exit "$rc"
}

# The floors of pyproject.toml [tool.importlinter]: an upward import fails here, with
# the contract and the layer named.
phase "import layers (lint-imports)" "$(dirname "$py")/lint-imports" --no-cache
phase "tests: $mark" "$py" -m pytest -n "$workers" --dist loadfile -m "($mark) and not own_process" \
  --durations=15 "$@"
# Tests that commit through several connections, in a process (and test database) of
# their own: their flush must not meet another module's shared transaction.
phase "tests that commit: $mark" "$py" -m pytest -p no:xdist -m "($mark) and own_process" "$@"
if [ "$browser" != "0" ]; then
  phase "browser tests (Chromium + axe)" "$py" -m pytest -n "$workers" --dist load -m browser \
    --durations=15 "$@"
fi
