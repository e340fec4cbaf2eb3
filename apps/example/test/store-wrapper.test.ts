// The app's store wrapper on the real SQLite store: the retry worker's lease
// reaches the store (an expired worker cannot complete an event another
// worker holds), and retention deletes only old processed events.
import { join } from 'node:path';
import type {
  DurableWebhookStore,
  WebhookEventV1,
  WebhookStoreEntry,
} from '@finhooks/core';
import { createTestWebhookEvent } from '@finhooks/core/testing';
import { createSqliteStore } from '@finhooks/store-sqlite';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../src/event-bus';
import { createMetrics } from '../src/metrics';
import { observeStore } from '../src/observed-store';
import { startRetention } from '../src/retention';
import { makeTempDir } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;
const LEASE_MS = 30_000;

function makeEvent(
  id: string,
  receivedAt: number,
  overrides: Partial<WebhookEventV1> = {},
): WebhookEventV1 {
  return createTestWebhookEvent({
    id,
    subject: { type: 'payment', id: `pay_${id}` },
    receivedAt: new Date(receivedAt).toISOString(),
    data: { id },
    delivery: { attempt: 1, headers: {} },
    ...overrides,
  });
}

function entry(event: WebhookEventV1 | object): WebhookStoreEntry {
  const { id } = event as { id: string };
  return {
    event: event as WebhookEventV1,
    delivery: {
      method: 'POST',
      url: 'https://hooks.example.com/webhooks/acme',
      headers: { 'content-type': 'application/json' },
      body: new TextEncoder().encode(JSON.stringify({ id })),
    },
  };
}

const key = (id: string) => ({ provider: 'acme', id });

describe('the store wrapper on SQLite', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(count: number, clock: { now: number }, maxAttempts = 5) {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const stores: DurableWebhookStore[] = [];
    for (let index = 0; index < count; index++) {
      const raw = createSqliteStore({
        filename: join(dir.path, 'finhooks.db'),
        now: () => clock.now,
        maxAttempts,
      });
      await raw.migrate();
      cleanups.push(() => raw.close());
      // What the app gives its router and retry worker.
      stores.push(observeStore(raw, new EventBus(), createMetrics()));
    }
    return stores;
  }

  it('should not let a retry worker whose lease expired complete or fail an event another worker holds', async () => {
    const clock = { now: Date.now() };
    const [slow, fast] = (await open(2, clock)) as [
      DurableWebhookStore,
      DurableWebhookStore,
    ];
    const event = makeEvent('evt_lease', clock.now);
    await slow.claim(entry(event));
    await slow.fail(key(event.id), new Error('first try failed'));
    clock.now += 1000;
    const [first] = await slow.leaseDue({ limit: 10, leaseMs: LEASE_MS });
    expect(first?.lease).toEqual(expect.any(Number));
    // The slow worker's lease expires; another worker takes the event.
    clock.now += LEASE_MS + 1;
    const [second] = await fast.leaseDue({ limit: 10, leaseMs: LEASE_MS });
    expect(second?.lease).toEqual(expect.any(Number));
    expect(second?.lease).not.toBe(first?.lease);
    const held = await fast.getEvent(key(event.id));
    expect(held).toMatchObject({ state: 'processing', lease: second?.lease });

    // The slow worker finishes late, through the wrapper: nothing changes.
    await slow.complete(key(event.id), { lease: first!.lease });
    expect(await fast.getEvent(key(event.id))).toEqual(held);
    await slow.fail(key(event.id), new Error('late failure'), {
      lease: first!.lease,
    });
    expect(await fast.getEvent(key(event.id))).toEqual(held);

    // The holder's lease is honoured.
    await fast.complete(key(event.id), { lease: second!.lease });
    expect((await slow.getEvent(key(event.id)))?.state).toBe('processed');
  });

  it('should delete only processed events past the retention, never pending, processing, quarantined or failed ones', async () => {
    const old = Date.now() - 40 * DAY_MS;
    const clock = { now: old };
    const [store] = (await open(1, clock, 1)) as [DurableWebhookStore];
    const at = (id: string) => makeEvent(id, clock.now);

    await store.claim(entry(at('old_processed')));
    await store.complete(key('old_processed'));
    await store.claim(entry(at('old_processing')));
    await store.claim(entry(at('old_failed')));
    await store.fail(key('old_failed'), new Error('dead letter'));
    await store.claim(
      entry({
        ...at('old_quarantined'),
        issues: [{ path: ['x'], message: 'bad', code: 'custom' }],
      }),
    );
    clock.now = Date.now() - 8 * DAY_MS;
    await store.claim(entry(at('recent_processed')));
    await store.complete(key('recent_processed'));
    clock.now = Date.now();

    const retention = startRetention({
      store,
      logger: pino({ level: 'silent' }),
      retentionDays: 30,
      intervalMs: 60_000,
      firstRunMs: 60_000,
    });
    try {
      expect(await retention.runOnce()).toBe(1);
      expect(await retention.runOnce()).toBe(0);
    } finally {
      await retention.stop();
    }
    expect(await store.getEvent(key('old_processed'))).toBeUndefined();
    for (const [id, state] of [
      ['old_processing', 'processing'],
      ['old_failed', 'failed'],
      ['old_quarantined', 'quarantined'],
      ['recent_processed', 'processed'],
    ] as const) {
      expect((await store.getEvent(key(id)))?.state).toBe(state);
    }
  });
});
