#!/usr/bin/env bash
# `pnpm release:check`: proves that a release works as users install it,
# on temporary copies of this working tree (tracked and untracked files,
# without node_modules, dist, .turbo or anything .gitignore'd; in CI, a
# fresh clone, the copy is the commit under test). The real tree is never
# touched.
#
#   pnpm release:check              # both parts
#   KEEP_TMP=1 pnpm release:check   # keep the copies and consumers to inspect
#
# (a) independent versions: in a copy with every pending changeset removed
#     and one `'@finhooks/core': patch` added, `changeset version` changes
#     packages/core/package.json and nothing else (adapters and stores take
#     core as a caret peer; onlyUpdatePeerDependentsWhenOutOfRange).
# (b) the packages as published: in a second copy, `changeset version` with
#     the real pending changesets, install, build, `pnpm pack` every
#     published package (no `workspace:` left; peers on core are `^<core>`),
#     then install the tarballs into clean projects outside the monorepo
#     (npm, registry for third-party dependencies) and, in each, send a
#     signed and a forged delivery through every adapter: ESM and CommonJS
#     on Node (Fetch and node:http handlers, the one-call verify where an
#     adapter has it), TypeScript `node16` (ESM and .cts) and `bundler` with
#     `skipLibCheck: false`, an edge-like project without @types/node
#     that compiles the Fetch path, and the root README's first snippet
#     compiled against the single-adapter install it promotes (core +
#     solaris).
# Exits non-zero on any failure; ends with a summary, one line per step.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
export TURBO_TELEMETRY_DISABLED=1 npm_config_nodedir="${npm_config_nodedir:-/usr}"
# Inside the copies, never the caller's settings for the real tree.
unset npm_config_frozen_lockfile
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

tmp=$(mktemp -d "${TMPDIR:-/tmp}/finhooks-release-check.XXXXXX")
if [ "${KEEP_TMP:-0}" = 1 ]; then
  trap 'echo "kept in $tmp"' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi
patch_copy="$tmp/patch-only"
release_copy="$tmp/release"
tarballs="$tmp/tarballs"
consumers="$tmp/consumers"
mkdir -p "$tarballs" "$consumers"

# shellcheck source=lib/steps.sh
source "$repo/scripts/lib/steps.sh"
finish() { finish_steps "release:check"; }

# Every package.json of the workspace's packages, with its hash.
manifests() {
  (cd "$1" && find packages -mindepth 2 -maxdepth 2 -name package.json -print0 |
    sort -z | xargs -0 sha1sum)
}

# --- (a) a core patch releases core alone -----------------------------------

core_patch_only() {
  local before after changed
  find .changeset -maxdepth 1 -name '*.md' ! -name README.md -delete
  printf -- "---\n'@finhooks/core': patch\n---\n\nfix(core): release-check probe\n" \
    >.changeset/release-check-core-patch.md
  before=$(manifests .)
  # The changelog generator resolves from the copy: lend it the real tree's
  # node_modules (versioning needs no per-package install).
  ln -s "$repo/node_modules" node_modules
  pnpm exec changeset version || return 1
  after=$(manifests .)
  changed=$(diff <(echo "$before") <(echo "$after") | grep '^>' | awk '{print $3}')
  echo "package.json files changed: ${changed:-none}"
  if [ "$changed" != "packages/core/package.json" ]; then
    echo "expected only packages/core/package.json to change" >&2
    return 1
  fi
  node -e '
    const v = require("./packages/core/package.json").version;
    console.log("core " + process.argv[1] + " -> " + v + "; every other package unchanged");
  ' "$(cd "$repo" && node -p 'require("./packages/core/package.json").version')"
}

run_step "copy (a)" "$tmp" copy_tree "$patch_copy" || finish
run_step "core patch versions core alone" "$patch_copy" core_patch_only

# --- (b) version, build, pack -----------------------------------------------

published_versions() {
  node -e '
    const { readdirSync, existsSync, readFileSync } = require("node:fs");
    for (const name of readdirSync("packages").sort()) {
      const file = `packages/${name}/package.json`;
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, "utf8"));
      if (!pkg.private) console.log(`${pkg.name} ${pkg.version}`);
    }'
}

version_plan() {
  local before after
  before=$(published_versions)
  ln -s "$repo/node_modules" node_modules
  pnpm exec changeset version || return 1
  rm node_modules
  after=$(published_versions)
  join <(echo "$before") <(echo "$after") | while read -r name old new; do
    printf '  %-28s %s -> %s\n' "$name" "$old" "$new"
  done
  # Worth a look before merging the version PR: a dependent crossing a
  # major because core left its caret peer range (a core minor on 0.x).
  join <(echo "$before") <(echo "$after") | awk '{
    split($2, o, "."); split($3, n, ".");
    if (n[1] > o[1]) printf "NOTE: %s %s -> %s is a major bump (its own changesets, or @finhooks/core leaving its caret peer range)\n", $1, $2, $3 }' |
    tee "$tmp/major-notes"
}

pack_all() {
  local dir
  for dir in packages/*/; do
    [ -f "$dir/package.json" ] || continue
    if [ "$(node -p "require('./${dir}package.json').private === true")" = true ]; then continue; fi
    (cd "$dir" && pnpm pack --pack-destination "$tarballs" >/dev/null) || return 1
  done
  # What was published: no workspace: ranges, peers on core within reach.
  node - "$tarballs" <<'EOF' || return 1
const { execFileSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const dir = process.argv[2];
const manifests = readdirSync(dir).filter(f => f.endsWith('.tgz')).sort().map(file => {
  const text = execFileSync('tar', ['-xOzf', join(dir, file), 'package/package.json'], { encoding: 'utf8' });
  return { file, size: statSync(join(dir, file)).size, text, pkg: JSON.parse(text) };
});
const core = manifests.find(m => m.pkg.name === '@finhooks/core');
let bad = 0;
for (const { file, size, text, pkg } of manifests) {
  const problems = [];
  if (text.includes('workspace:')) problems.push('a workspace: range');
  if (pkg.publishConfig?.provenance) problems.push('publishConfig.provenance');
  const peer = pkg.peerDependencies?.['@finhooks/core'];
  if (pkg.name !== '@finhooks/core') {
    if (peer !== `^${core.pkg.version}`) problems.push(`peer @finhooks/core ${peer} (want ^${core.pkg.version})`);
    if (pkg.dependencies?.['@finhooks/core']) problems.push('@finhooks/core in dependencies');
  }
  console.log(`  ${file.padEnd(40)} ${(size / 1024).toFixed(1).padStart(6)} kB  ${peer ? `peer core ${peer}` : ''}${problems.length ? `  PROBLEM: ${problems.join(', ')}` : ''}`);
  bad += problems.length;
}
process.exit(bad === 0 ? 0 : 1);
EOF
}

run_step "copy (b)" "$tmp" copy_tree "$release_copy" || finish
run_step "changeset version (pending changesets)" "$release_copy" version_plan || finish
run_step "install (frozen lockfile)" "$release_copy" \
  pnpm install --frozen-lockfile --prefer-offline --silent || finish
run_step "build" "$release_copy" \
  pnpm turbo run build --filter='./packages/*' --output-logs=errors-only || finish
run_step "pack" "$release_copy" pack_all || finish

# --- (b) clean consumers outside the monorepo -------------------------------

tgz() { ls "$tarballs"/finhooks-"$1"-[0-9]*.tgz; }

# The same scenario for ESM and CommonJS: each adapter's /testing signer
# signs an example; the Fetch handler answers it 200 and a forged copy 401;
# the one-call verify<P>Webhook, where present, accepts and rejects them.
scenario_body() {
  cat <<'EOF'
const secret = 'release-check-secret';
const adapters = {
  dintero: {
    settings: { secret },
    example: dintero.testing.dinteroExamples.find(e => e.mechanism === 'hooks'),
    sign: (r, s) => dintero.testing.signDinteroRequest(r, { secret: s }),
  },
  redpin: {
    settings: { auth: { headers: [{ name: 'x-redpin-webhook-token', value: secret }] } },
    example: redpin.testing.redpinExamples[0],
    sign: (r, s) => redpin.testing.signRedpinRequest(r, { secret: s }),
  },
  solaris: {
    settings: { secrets: { BOOKING: secret } },
    example: solaris.testing.solarisExamples.find(e => e.name === 'BOOKING'),
    sign: (r, s) => solaris.testing.signSolarisRequest(r, { secret: s }),
  },
  tradevest: {
    settings: { headers: [{ name: 'api-key', value: secret }] },
    example: tradevest.testing.tradevestExamples[0],
    sign: (r, s) => tradevest.testing.signTradevestRequest(r, { secret: s }),
  },
};
const modules = { dintero, redpin, solaris, tradevest };
const toRequest = r => new Request(r.url, { method: r.method, headers: r.headers, body: r.body });
const title = name => name[0].toUpperCase() + name.slice(1);

async function main() {
  const lines = [];
  for (const [name, a] of Object.entries(adapters)) {
    const mod = modules[name].main;
    const adapter = mod[`create${title(name)}Adapter`](a.settings);
    const webhooks = core.createWebhooks({ adapters: [adapter], logger: { warn() {}, error() {}, info() {}, debug() {} } });
    const seen = [];
    webhooks.onAny(event => void seen.push(event.type));
    const handle = core.createFetchHandler(webhooks);
    const unsigned = core.createRawWebhookRequest(a.example.request);
    const signed = await a.sign(unsigned, secret);
    const forged = await a.sign(unsigned, 'forged-secret');
    const ok = await handle(toRequest(signed));
    const bad = await handle(toRequest(forged));
    if (ok.status !== 200 || bad.status !== 401 || seen.length !== 1)
      throw new Error(`${name}: signed ${ok.status} (${await ok.text()}), forged ${bad.status}, events ${seen.length}`);
    let verify = 'no verify export';
    const verifyFn = mod[`verify${title(name)}Webhook`];
    if (typeof verifyFn === 'function') {
      const result = await verifyFn(toRequest(signed), a.settings);
      if (!result || !['event', 'invalid', 'handshake'].includes(result.kind))
        throw new Error(`${name}: verify${title(name)}Webhook returned ${JSON.stringify(result)}`);
      const refused = await verifyFn(toRequest(forged), a.settings).then(() => undefined, e => e);
      if (refused?.httpStatus !== 401)
        throw new Error(`${name}: verify${title(name)}Webhook accepted a forged delivery (${refused})`);
      verify = `verify${title(name)}Webhook ${result.kind}/401`;
    }
    lines.push(`${name}: ${seen[0]} 200, forged 401; ${verify}`);
  }

  // node:http through @finhooks/core/node.
  const webhooks = core.createWebhooks({
    adapters: [dintero.main.createDinteroAdapter({ secret })],
    logger: { warn() {}, error() {}, info() {}, debug() {} },
  });
  const server = http.createServer(coreNode.createNodeHandler(webhooks));
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    const example = adapters.dintero.example;
    const unsigned = core.createRawWebhookRequest({ ...example.request, url: `${base}/webhooks/dintero` });
    const signed = await adapters.dintero.sign(unsigned, secret);
    const forged = await adapters.dintero.sign(unsigned, 'forged-secret');
    const ok = await fetch(toRequest(signed));
    const bad = await fetch(toRequest(forged));
    if (ok.status !== 200 || bad.status !== 401)
      throw new Error(`node:http: signed ${ok.status}, forged ${bad.status}`);
    lines.push('node:http (createNodeHandler): 200, forged 401');
  } finally {
    server.close();
  }

  for (const [name, fn] of [
    ['store-sqlite', storeSqlite.createSqliteStore],
    ['store-postgres', storePostgres.createPostgresStore],
  ])
    if (typeof fn !== 'function') throw new Error(`${name}: no create function`);
  lines.push(`stores load: createSqliteStore, createPostgresStore (core ${core.VERSION})`);
  console.log(lines.map(line => `  ${line}`).join('\n'));
}
main().catch(error => {
  console.error(error);
  process.exit(1);
});
EOF
}

esm_header() {
  cat <<'EOF'
import * as http from 'node:http';
import * as core from '@finhooks/core';
import * as coreNode from '@finhooks/core/node';
import * as storeSqlite from '@finhooks/store-sqlite';
import * as storePostgres from '@finhooks/store-postgres';
const dintero = { main: await import('@finhooks/dintero'), testing: await import('@finhooks/dintero/testing') };
const redpin = { main: await import('@finhooks/redpin'), testing: await import('@finhooks/redpin/testing') };
const solaris = { main: await import('@finhooks/solaris'), testing: await import('@finhooks/solaris/testing') };
const tradevest = { main: await import('@finhooks/tradevest'), testing: await import('@finhooks/tradevest/testing') };
EOF
}

cjs_header() {
  cat <<'EOF'
'use strict';
const http = require('node:http');
const core = require('@finhooks/core');
const coreNode = require('@finhooks/core/node');
const storeSqlite = require('@finhooks/store-sqlite');
const storePostgres = require('@finhooks/store-postgres');
const dintero = { main: require('@finhooks/dintero'), testing: require('@finhooks/dintero/testing') };
const redpin = { main: require('@finhooks/redpin'), testing: require('@finhooks/redpin/testing') };
const solaris = { main: require('@finhooks/solaris'), testing: require('@finhooks/solaris/testing') };
const tradevest = { main: require('@finhooks/tradevest'), testing: require('@finhooks/tradevest/testing') };
EOF
}

# Typed use of every entry a TypeScript user touches; compiled, not run.
ts_consumer() {
  cat <<'EOF'
import { createFetchHandler, createWebhooks, type WebhookEventV1 } from '@finhooks/core';
import { createNodeHandler } from '@finhooks/core/node';
import { createDinteroAdapter } from '@finhooks/dintero';
import { signDinteroRequest } from '@finhooks/dintero/testing';
import { createRedpinAdapter } from '@finhooks/redpin';
import { createSolarisAdapter } from '@finhooks/solaris';
import { createTradevestAdapter } from '@finhooks/tradevest';
import { createSqliteStore } from '@finhooks/store-sqlite';
import { createPostgresStore } from '@finhooks/store-postgres';

const webhooks = createWebhooks({
  adapters: [
    createDinteroAdapter({ secret: 's' }),
    createRedpinAdapter({ auth: { headers: [{ name: 'x-token', value: 's' }] } }),
    createSolarisAdapter({ secrets: { BOOKING: 's' } }),
    createTradevestAdapter({ headers: [{ name: 'api-key', value: 's' }] }),
  ],
});
webhooks.on('booking.created', event => {
  const value: number = event.data.amount.value;
  console.log(value);
});
webhooks.onAny((event: WebhookEventV1) => console.log(event.provider));
export const fetchHandler: (request: Request) => Promise<Response> = createFetchHandler(webhooks);
export const nodeHandler = createNodeHandler(webhooks);
export const signer = signDinteroRequest;
export const stores = [createSqliteStore, createPostgresStore] as const;
EOF
}

# Edge-like: the Fetch path only, no @types/node anywhere.
edge_consumer() {
  cat <<'EOF'
import { createFetchHandler, createWebhooks } from '@finhooks/core';
import { createDinteroAdapter } from '@finhooks/dintero';
import { createSolarisAdapter } from '@finhooks/solaris';

const webhooks = createWebhooks({
  adapters: [
    createDinteroAdapter({ secret: 'from-env' }),
    createSolarisAdapter({ secrets: { BOOKING: 'from-env' } }),
  ],
});
webhooks.on('dintero:checkout_transaction', event => console.log(event.subject?.id));

export default {
  fetch: createFetchHandler(webhooks),
} satisfies { fetch(request: Request): Promise<Response> };
EOF
}

setup_node_consumer() {
  echo '{ "name": "node-consumer", "private": true, "type": "module" }' >package.json
  npm install --ignore-scripts --loglevel=error \
    "$tarballs"/*.tgz typescript@~5.9.3 @types/node@^20.19.0 || return 1
  # The lockfile-free install from tarballs resolved our peer: one core copy.
  [ "$(find node_modules -path '*/@finhooks/core/package.json' | wc -l)" = 1 ] ||
    { echo "more than one @finhooks/core installed" >&2; return 1; }
  { esm_header; scenario_body; } >esm.mjs
  { cjs_header; scenario_body; } >cjs.cjs
  mkdir -p node16 bundler
  ts_consumer >node16/consumer.ts
  ts_consumer >node16/consumer.cts
  ts_consumer >bundler/consumer.ts
  cat >node16/tsconfig.json <<'EOF'
{ "compilerOptions": { "module": "node16", "moduleResolution": "node16", "target": "es2022",
  "lib": ["es2022", "dom"], "types": ["node"], "strict": true, "noEmit": true,
  "skipLibCheck": false }, "include": ["*.ts", "*.cts"] }
EOF
  cat >bundler/tsconfig.json <<'EOF'
{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "target": "es2022",
  "lib": ["es2022", "dom"], "types": ["node"], "strict": true, "noEmit": true,
  "skipLibCheck": false, "verbatimModuleSyntax": true }, "include": ["*.ts"] }
EOF
}

setup_edge_consumer() {
  echo '{ "name": "edge-consumer", "private": true, "type": "module" }' >package.json
  npm install --ignore-scripts --loglevel=error "$(tgz core)" "$(tgz dintero)" \
    "$(tgz solaris)" typescript@~5.9.3 || return 1
  if [ -e node_modules/@types/node ]; then
    echo "@types/node got installed; the edge consumer must do without it" >&2
    return 1
  fi
  edge_consumer >worker.ts
  cat >tsconfig.json <<'EOF'
{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "target": "es2022",
  "lib": ["es2022", "dom", "dom.iterable"], "types": [], "strict": true, "noEmit": true,
  "skipLibCheck": false }, "include": ["worker.ts"] }
EOF
}

# The root README's first TypeScript snippet, as a Next.js route file with
# only core + solaris installed (the install it promotes).
setup_readme_consumer() {
  echo '{ "name": "readme-consumer", "private": true, "type": "module" }' >package.json
  npm install --ignore-scripts --loglevel=error "$(tgz core)" "$(tgz solaris)" \
    typescript@~5.9.3 @types/node@^20.19.0 || return 1
  awk '/^```ts$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' \
    "$release_copy/README.md" >route.ts
  [ -s route.ts ] || { echo "README.md has no ts code block" >&2; return 1; }
  cat >tsconfig.json <<'EOF'
{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "target": "es2022",
  "lib": ["es2022", "dom"], "types": ["node"], "strict": true, "noEmit": true,
  "skipLibCheck": false }, "include": ["route.ts"] }
EOF
}

mkdir -p "$consumers/node" "$consumers/edge" "$consumers/readme"
run_step "consumer: npm install tarballs (Node)" "$consumers/node" setup_node_consumer || finish
run_step "consumer: ESM, signed + forged" "$consumers/node" node esm.mjs
run_step "consumer: CommonJS, signed + forged" "$consumers/node" node cjs.cjs
run_step "consumer: tsc node16 (.ts + .cts)" "$consumers/node/node16" \
  "$consumers/node/node_modules/.bin/tsc" -p .
run_step "consumer: tsc bundler" "$consumers/node/bundler" \
  "$consumers/node/node_modules/.bin/tsc" -p .
run_step "consumer: npm install (edge, no @types/node)" "$consumers/edge" setup_edge_consumer &&
  run_step "consumer: tsc edge Fetch path" "$consumers/edge" \
    "$consumers/edge/node_modules/.bin/tsc" -p .

run_step "consumer: npm install (README, core + solaris)" "$consumers/readme" setup_readme_consumer &&
  run_step "consumer: tsc the README snippet" "$consumers/readme" \
    "$consumers/readme/node_modules/.bin/tsc" -p .

[ -s "$tmp/major-notes" ] && mapfile -t -O "${#notes[@]}" notes <"$tmp/major-notes"
notes+=("tarballs (packed size):")
for file in "$tarballs"/*.tgz; do
  notes+=("$(stat -c '%s %n' "$file" | awk '{ n = split($2, p, "/"); printf "  %-40s %6.1f kB", p[n], $1 / 1024 }')")
done
finish
