#!/usr/bin/env bash
# Installs, builds and starts the example receiver on its embedded SQLite
# database (./apps/example/data). Without provider secrets in the environment
# it runs in demo mode with well-known test secrets, so `pnpm simulate` works.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 npm_config_nodedir="${npm_config_nodedir:-/usr}"
bash scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile
pnpm build
exec pnpm --filter @finhooks/example start
