#!/usr/bin/env bash
# Installs everything and runs every check: install (frozen lockfile), build,
# type-check, lint + format, publint + attw on every package, all tests.
# Ends with one plain line: `N passed, M failed` (a failed step counts as one
# failure, so a broken build can never look green).
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 npm_config_nodedir="${npm_config_nodedir:-/usr}"

bash scripts/ensure-pnpm.sh || { echo "0 passed, 1 failed"; exit 1; }
bash scripts/ensure-services.sh

step_failures=0
run_step() {
  echo "::: $*"
  if ! "$@"; then
    echo "::: FAILED: $*"
    step_failures=$((step_failures + 1))
  fi
}

run_step pnpm install --frozen-lockfile
run_step pnpm build
run_step pnpm type-check
run_step pnpm lint
run_step pnpm publint
run_step pnpm size
# The adapter generator, in a temporary copy: what it makes must pass every check.
run_step bash scripts/check-new-adapter.sh
# The packages as published (temporary copies): a core patch versions core alone; packed tarballs work in clean ESM/CJS/TS/edge consumers.
run_step pnpm release:check

log=$(mktemp)
pnpm test 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
rm -f "$log"
passed=$(echo "$summary" | sed -E 's/^([0-9]+) passed.*/\1/')
failed=$(echo "$summary" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
if [ -z "$summary" ]; then
  passed=0
  failed=1
elif [ "$test_status" != 0 ] && [ "$failed" = 0 ]; then
  failed=1 # vitest failed outside any test (e.g. a config error)
fi
failed=$((failed + step_failures))
echo "${passed} passed, ${failed} failed"
[ "$failed" = 0 ]
