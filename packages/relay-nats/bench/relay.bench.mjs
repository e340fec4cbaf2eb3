// The relay's cost and lag, on the built packages, against the nats-server
// on 127.0.0.1:4222 (NATS_URL) and a SQLite store (WAL, synchronous = FULL)
// in a temp directory. Ingest is `store.claim` (the commit the router makes
// before answering 2xx), in this process, so the relay shares its event
// loop and the machine's cores with ingest as it does in a receiver.
//   (a) relay off: the durable ingest rate R (claims/s, unthrottled);
//   (b) relay on, ingest paced at 80% of R for BENCH_SECONDS (default 60):
//       lag from commit to JetStream ack (p50/p90/p99/max), achieved rate;
//   (c) relay on, unthrottled ingest: rate against (a).
// Run: pnpm --filter @finhooks/relay-nats bench (writes bench/RESULTS.md).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@finhooks/store-sqlite';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createNatsRelay } from '../dist/index.js';

const NATS_URL = process.env.NATS_URL ?? '127.0.0.1:4222';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const tag = `${process.pid}_${Date.now().toString(36)}`;

let counter = 0;
function entry() {
  const id = `evt_${tag}_${++counter}`;
  const data = { id, amount: 1250, currency: 'EUR', status: 'CAPTURED' };
  return {
    event: {
      specVersion: '1',
      id,
      identity: { source: 'provider_id', key: id },
      authenticity: {
        scheme: 'signature',
        body: true,
        type: true,
        subject: true,
        timestamp: true,
        url: false,
        headers: [],
      },
      provider: 'bench',
      type: 'payment.status_changed',
      nativeType: 'PAYMENT_UPDATED',
      subject: { type: 'payment', id: `pay_${counter % 1000}` },
      status: 'CAPTURED',
      normalizedStatus: 'succeeded',
      occurredAt: new Date().toISOString(),
      receivedAt: new Date().toISOString(),
      data,
      delivery: {},
    },
    delivery: {
      method: 'POST',
      url: 'https://hooks.example.com/webhooks/bench',
      headers: { 'content-type': 'application/json' },
      body: new TextEncoder().encode(JSON.stringify(data)),
    },
  };
}

const yieldNow = () => new Promise(resolve => setImmediate(resolve));

function openStore() {
  const dir = mkdtempSync(join(tmpdir(), 'finhooks-relay-bench-'));
  const store = createSqliteStore({ filename: join(dir, 'events.db') });
  return { store, dir };
}

/** Unthrottled claims for `seconds`; returns claims/s. */
async function flatOut(store, seconds, onClaim = () => {}) {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < end) {
    const e = entry();
    await store.claim(e);
    onClaim(e.event.id);
    n += 1;
    // The HTTP server yields between requests; so does this loop.
    if (n % 20 === 0) await yieldNow();
  }
  return n / seconds;
}

/** Claims paced at `rate`/s for `seconds` (10 ms ticks); returns claims/s. */
async function paced(store, rate, seconds, onClaim) {
  const start = performance.now();
  const end = start + seconds * 1000;
  let n = 0;
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    while (n < due) {
      const e = entry();
      await store.claim(e);
      onClaim(e.event.id);
      n += 1;
      if (n % 20 === 0) await yieldNow();
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  return n / ((performance.now() - start) / 1000);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function withRelay(label, run) {
  const nc = await connect({ servers: NATS_URL });
  const stream = `BENCH_${label}_${tag}`.toUpperCase();
  const prefix = `bench_${label}_${tag}`;
  const { store, dir } = openStore();
  const committed = new Map();
  const lags = [];
  const relay = createNatsRelay({
    store,
    connection: nc,
    stream,
    subjectPrefix: prefix,
    onPublished(events) {
      for (const event of events) {
        const at = committed.get(event.id);
        if (at === undefined) continue;
        committed.delete(event.id);
        lags.push(performance.timeOrigin + performance.now() - at);
      }
    },
  });
  await relay.start();
  try {
    const onClaim = id => {
      committed.set(id, performance.timeOrigin + performance.now());
      relay.notify();
    };
    const rate = await run(store, onClaim);
    await relay.drained(120_000);
    const metrics = relay.metrics();
    return { rate, lags: lags.sort((a, b) => a - b), metrics };
  } finally {
    await relay.stop();
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(stream).catch(() => false);
    await nc.drain();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function relayOff() {
  const off = openStore();
  await off.store.migrate();
  await flatOut(off.store, 1); // warm-up
  const rate = await flatOut(off.store, RATE_SECONDS);
  await off.store.close();
  rmSync(off.dir, { recursive: true, force: true });
  return rate;
}

// The machine's fsync rate drifts (other processes share the disk): (a) and
// (c) alternate, ROUNDS times each, and the means are compared.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const offRates = [];
const fullRuns = [];
for (let round = 0; round < ROUNDS; round++) {
  offRates.push(await relayOff());
  fullRuns.push(
    await withRelay(`full${round}`, (store, onClaim) =>
      flatOut(store, RATE_SECONDS, onClaim),
    ),
  );
}
const mean = values => values.reduce((a, b) => a + b, 0) / values.length;
const rateOff = mean(offRates);
const fullRun = {
  rate: mean(fullRuns.map(run => run.rate)),
  lags: fullRuns.flatMap(run => run.lags).sort((a, b) => a - b),
  metrics: {
    errors: fullRuns.reduce((sum, run) => sum + run.metrics.errors, 0),
  },
};
const target = Math.floor(rateOff * 0.8);
const lagRun = await withRelay('lag', (store, onClaim) =>
  paced(store, target, SECONDS, onClaim),
);

const ms = value => `${value.toFixed(1)} ms`;
const { lags } = lagRun;
const p99 = percentile(lags, 0.99);
const ingestDrop = 1 - fullRun.rate / rateOff;
const lines = [
  '# @finhooks/relay-nats benchmark',
  '',
  `${new Date().toISOString()}, Node ${process.version}, ${availableParallelism()} CPUs shared by ingest, relay, SQLite and nats-server (${NATS_URL}).`,
  `Load average at the end: ${loadavg()
    .map(v => v.toFixed(1))
    .join(
      ' ',
    )} (a shared machine: figures drift with other processes' disk and CPU use).`,
  "Ingest is `store.claim` on SQLite (WAL, `synchronous = FULL`) in the relay's process; lag is from the claim's commit to the JetStream ack (what the relay marks published), i.e. from the moment the router may answer 2xx.",
  '',
  '| run | events/s | lag p50 | p90 | p99 | max | events |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  `| (a) relay off, unthrottled, ${ROUNDS} × ${RATE_SECONDS} s (${offRates.map(r => r.toFixed(0)).join(', ')}) | ${rateOff.toFixed(0)} | | | | | |`,
  `| (b) relay on, paced at 80% (${target}/s), ${SECONDS} s | ${lagRun.rate.toFixed(0)} | ${ms(percentile(lags, 0.5))} | ${ms(percentile(lags, 0.9))} | ${ms(p99)} | ${ms(lags.at(-1) ?? NaN)} | ${lags.length} |`,
  `| (c) relay on, unthrottled, ${ROUNDS} × ${RATE_SECONDS} s (${fullRuns.map(r => r.rate.toFixed(0)).join(', ')}) | ${fullRun.rate.toFixed(0)} | ${ms(percentile(fullRun.lags, 0.5))} | ${ms(percentile(fullRun.lags, 0.9))} | ${ms(percentile(fullRun.lags, 0.99))} | ${ms(fullRun.lags.at(-1) ?? NaN)} | ${fullRun.lags.length} |`,
  '',
  `Targets: p99 lag under 1 s at 80% of the relay-off rate — ${p99 < 1000 ? 'met' : 'NOT met'} (${ms(p99)}); ingest with the relay on at most 15% lower — ${ingestDrop <= 0.15 ? 'met' : 'NOT met'} (${(ingestDrop * 100).toFixed(1)}% lower). Relay errors: ${lagRun.metrics.errors + fullRun.metrics.errors}.`,
  '',
];
// Prettier-formatted, as the repository's `pnpm lint` expects.
let markdown = lines.join('\n');
try {
  const prettier = await import('prettier');
  markdown = await prettier.format(markdown, { parser: 'markdown' });
} catch {
  // prettier is a root devDependency; without it the table stays unaligned.
}
writeFileSync(new URL('./RESULTS.md', import.meta.url), markdown);
console.log(markdown);
