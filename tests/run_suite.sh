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
# ruff with the security rules (S, flake8-bandit) on the product code: pyproject.toml.
phase "lint (ruff, security rules included)" "$(dirname "$py")/ruff" check --no-cache .
phase "tests: $mark" "$py" -m pytest -n "$workers" --dist loadfile -m "($mark) and not own_process" \
  --durations=15 "$@"
# Tests that commit (several connections, or migrations run back and forth), each
# module in a process (and test database) of its own: the flush that ends such a test
# empties every table, which no other module's data may meet.
own=$("$py" -m pytest --collect-only -q -p no:xdist -m "($mark) and own_process" "$@" 2>/dev/null \
  | grep "::" | cut -d: -f1 | sort -u)
[ -n "$own" ] || { echo "== no own_process tests collected: failing"; exit 1; }
for module in $own; do
  phase "tests that commit: $module" "$py" -m pytest -p no:xdist -m "($mark) and own_process" \
    "$@" "$module"
done
if [ "$browser" != "0" ]; then
  phase "browser tests (Chromium + axe)" "$py" -m pytest -n "$workers" --dist load -m browser \
    --durations=15 "$@"
fi
