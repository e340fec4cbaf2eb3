#!/usr/bin/env bash
# Makes the pinned pnpm available on a fresh machine (Node 20 + npm only).
# Corepack needs extra escape hatches here, so a global npm install is used.
set -euo pipefail
want=$(node -p "require('./package.json').packageManager.split('@')[1].split('+')[0]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want" ]; then
  echo "Installing pnpm $want ..."
  npm install --global --silent "pnpm@$want" >/dev/null
fi
