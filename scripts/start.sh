#!/usr/bin/env bash
# Installs, builds and starts the example receiver on its embedded SQLite
# database (apps/example/data). With no provider secret in the environment it
# runs in demo mode (public test secrets, announced loudly) and, once the
# server answers, sends every provider's signed examples to it once, so the
# page at http://localhost:3000 fills up within seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 npm_config_nodedir="${npm_config_nodedir:-/usr}"
bash scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile
pnpm build

if [ -z "$(env | grep -E '^(DINTERO|SOLARIS|REDPIN|TRADEVEST)_' || true)" ] && [ -z "${FINHOOKS_DEMO:-}" ]; then
  export FINHOOKS_DEMO=1
  echo "No provider secrets set: starting in DEMO mode with public test secrets."
fi

if [ "${FINHOOKS_DEMO:-}" = 1 ] && [ "${SIMULATE_ON_START:-1}" = 1 ]; then
  port="${PORT:-3000}"
  (
    for _ in $(seq 1 60); do
      node -e "fetch('http://127.0.0.1:${port}/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
      sleep 0.5
    done
    SIMULATE_URL="http://127.0.0.1:${port}" pnpm --silent --filter @finhooks/example simulate || true
  ) &
fi

exec pnpm --filter @finhooks/example start
