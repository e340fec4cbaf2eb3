#!/usr/bin/env bash
# Proves that `pnpm new-adapter` still makes a package that passes every
# check as generated, so the generator cannot rot. Works on a temporary copy
# of this working tree (tracked and untracked files, without node_modules,
# dist, .turbo or anything .gitignore'd); the real tree is never touched.
# In CI (a fresh clone) the copy is the commit under test.
#
#   bash scripts/check-new-adapter.sh [name]     # default: acme-pay
#   KEEP_TMP=1 bash scripts/check-new-adapter.sh  # keep the copy to inspect
#
# Steps: copy → `pnpm new-adapter <name>` (pnpm install from the local
# store, offline where it can) → no other file changed → build core and the
# package → type-check → eslint + prettier → publint + attw → its tests and
# the repo structure test. Exits non-zero on any failure; ends with a
# summary, one line per step.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
name=${1:-acme-pay}
pkg="@finhooks/${name}"
export TURBO_TELEMETRY_DISABLED=1 npm_config_nodedir="${npm_config_nodedir:-/usr}"
# Inside the copy, never the caller's pnpm/turbo settings for the real tree.
unset npm_config_frozen_lockfile

if [ -e "$repo/packages/$name" ]; then
  echo "packages/$name already exists in this tree; give another name: bash scripts/check-new-adapter.sh other-name" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/finhooks-new-adapter.XXXXXX")
if [ "${KEEP_TMP:-0}" = 1 ]; then
  trap 'echo "copy kept in $tmp"' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi

# shellcheck source=lib/steps.sh
source "$repo/scripts/lib/steps.sh"
# Every step runs in the copy.
step() { run_step "$1" "$tmp" "${@:2}"; }
finish() { finish_steps "check-new-adapter: ${pkg} in ${tmp}"; }

# Every file outside the generated ones, with its hash.
snapshot() {
  (cd "$tmp" && find . -type f \
    -not -path '*/node_modules/*' -not -path '*/.turbo/*' \
    -not -path '*/dist/*' -not -path "./packages/${name}/*" \
    -not -path "./.changeset/${name}-initial.md" \
    -not -path './pnpm-lock.yaml' -print0 |
    sort -z | xargs -0 sha1sum)
}

step copy copy_tree "$tmp" || finish
before=$(snapshot)

step generate pnpm new-adapter "$name" || finish

# The issue's promise: a new adapter needs no edit anywhere else.
unchanged() {
  local after
  after=$(snapshot)
  if [ "$before" != "$after" ]; then
    echo "files changed outside packages/${name}, its changeset and the lockfile:"
    diff <(echo "$before") <(echo "$after")
    return 1
  fi
  echo "only packages/${name}, .changeset/${name}-initial.md and pnpm-lock.yaml changed"
}
step "no other file changed" unchanged
step "frozen lockfile" pnpm install --frozen-lockfile --offline --silent
step build pnpm turbo run build --filter="${pkg}..." --output-logs=errors-only
step type-check pnpm turbo run type-check --filter="${pkg}" --output-logs=errors-only
step eslint pnpm exec eslint "packages/${name}"
step prettier pnpm exec prettier --check "packages/${name}"
step "publint + attw" pnpm --filter "${pkg}" run publint
step tests pnpm exec vitest run --project "${name}:node" \
  --project "${name}:edge" --project repo
finish
