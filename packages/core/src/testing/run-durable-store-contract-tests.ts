import { afterEach, describe, expect, it } from 'vitest';
import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import type { WebhookAdapterV1 } from '../adapter/v1/webhook-adapter-v1';
import type {
  AnyWebhookEventV1,
  InvalidWebhookEventV1,
  WebhookEventV1,
} from '../envelope/v1/webhook-event-v1';
import { InvalidCursorError } from '../errors/invalid-cursor-error';
import { createWebhooks } from '../router/create-webhooks';
import { createRetryWorker } from '../store/create-retry-worker';
import type { DurableWebhookStore } from '../store/durable-webhook-store';
import type { WebhookStoreEntry } from '../store/webhook-store';

/** What the suite passes when it opens a store. */
export interface DurableStoreContractOptions {
  /** The store's clock (ms since the epoch): the suite moves time itself. */
  now: () => number;
  /** Handler runs before an event is dead-lettered. */
  maxAttempts?: number;
  /** How long a claim reserves a new event for its receiver, in ms. */
  leaseMs?: number;
}

/**
 * One empty database. `open` may be called several times: every store it
 * returns must be a separate connection (or pool) to the same data, as two
 * receivers would be.
 */
export interface DurableStoreContractDatabase {
  open(options: DurableStoreContractOptions): DurableWebhookStore;
  /** Drops the database (after every store opened on it was closed). */
  cleanup(): Promise<void>;
}

/** Options of {@link runDurableStoreContractTests}. */
export interface DurableStoreContractTarget {
  /** Prefix of the test names, e.g. `SQLite`. */
  name: string;
  /** A fresh, empty database per test. */
  createDatabase(): Promise<DurableStoreContractDatabase>;
  /**
   * Whether two `open`ed stores really run statements in parallel (a server
   * database): adds a parallel-load test.
   */
  parallel: boolean;
}

const START = Date.parse('2026-03-01T12:00:00.000Z');
const LEASE_MS = 30_000;

function makeEvent(
  overrides: Partial<WebhookEventV1> & { id: string },
): WebhookEventV1 {
  return {
    specVersion: '1',
    identity: { source: 'provider_id', key: overrides.id },
    authenticity: {
      scheme: 'signature',
      body: true,
      type: true,
      subject: true,
      timestamp: false,
      url: false,
      headers: [],
    },
    provider: 'acme',
    type: 'payment.status_changed',
    nativeType: 'PAYMENT_UPDATED',
    subject: { type: 'payment', id: 'pay_1' },
    status: 'CAPTURED',
    occurredAt: '2026-03-01T11:59:00.000Z',
    receivedAt: new Date(START).toISOString(),
    data: {
      amount: 1250,
      currency: 'EUR',
      note: 'Grüße ✓',
      nested: { list: [1, 2.5, null, true] },
    },
    delivery: { attempt: 1, headers: { 'x-acme-entity': 'ent_1' } },
    ...overrides,
  };
}

function makeInvalid(
  overrides: Partial<InvalidWebhookEventV1> & { id: string },
): InvalidWebhookEventV1 {
  return {
    ...makeEvent({ id: overrides.id, type: 'acme.unknown' }),
    issues: [
      {
        path: ['amount'],
        message: 'Expected number, received string',
        code: 'invalid_type',
      },
    ],
    ...overrides,
  };
}

function entry(event: AnyWebhookEventV1, body?: Uint8Array): WebhookStoreEntry {
  return {
    event,
    delivery: {
      method: 'POST',
      url: 'https://hooks.example.com/webhooks/acme?x=1',
      headers: { 'content-type': 'application/json', 'x-acme-id': event.id },
      body: body ?? new TextEncoder().encode(JSON.stringify({ id: event.id })),
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

const key = (event: { provider: string; id: string }) => ({
  provider: event.provider,
  id: event.id,
});

/**
 * The behaviour every `DurableWebhookStore` shares, as vitest tests: dedup,
 * accept-then-process, retries with backoff and dead letters, lease
 * recovery, quarantine and replay, cursor paging, latest state and erasure
 * per subject, exact bytes, and the router plus retry worker on top. Call it
 * at the top level of a test file of your store; the SQLite and PostgreSQL
 * stores of finhooks run exactly this suite.
 *
 * ```ts
 * runDurableStoreContractTests({
 *   name: 'MyStore',
 *   parallel: true,
 *   async createDatabase() {
 *     const schema = await createEmptySchema();
 *     return {
 *       open: options => createMyStore({ schema, ...options }),
 *       cleanup: () => dropSchema(schema),
 *     };
 *   },
 * });
 * ```
 */
export function runDurableStoreContractTests(
  target: DurableStoreContractTarget,
): void {
  describe(`${target.name}: durable store contract`, () => {
    let clock = START;
    const now = () => clock;
    const cleanups: (() => Promise<void>)[] = [];

    afterEach(async () => {
      clock = START;
      while (cleanups.length > 0) await cleanups.pop()!();
    });

    /** A fresh database and `count` migrated stores on it. */
    async function setup(
      options: Partial<DurableStoreContractOptions> = {},
      count = 1,
    ): Promise<{
      stores: DurableWebhookStore[];
      database: DurableStoreContractDatabase;
    }> {
      const database = await target.createDatabase();
      cleanups.push(() => database.cleanup());
      const stores: DurableWebhookStore[] = [];
      for (let index = 0; index < count; index++) {
        const store = database.open({ now, leaseMs: LEASE_MS, ...options });
        cleanups.push(() => store.close());
        stores.push(store);
      }
      for (const store of stores) await store.migrate();
      return { stores, database };
    }

    async function one(options: Partial<DurableStoreContractOptions> = {}) {
      return (await setup(options)).stores[0]!;
    }

    it('migrates idempotently, also with concurrent callers', async () => {
      const database = await target.createDatabase();
      cleanups.push(() => database.cleanup());
      const a = database.open({ now });
      const b = database.open({ now });
      cleanups.push(
        () => a.close(),
        () => b.close(),
      );
      await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
      await a.migrate();
      await b.migrate();
      expect(await a.claim(entry(makeEvent({ id: 'evt_1' })))).toBe('claimed');
      expect(await b.counts()).toEqual([
        { provider: 'acme', state: 'processing', count: 1 },
      ]);
    });

    it('claims a new event as processing with a lease, and answers duplicate after', async () => {
      const store = await one();
      const event = makeEvent({ id: 'evt_1' });
      expect(store.durable).toBe(true);
      expect(await store.claim(entry(event))).toBe('claimed');
      const stored = await store.getEvent(key(event));
      expect(stored).toMatchObject({
        provider: 'acme',
        id: 'evt_1',
        state: 'processing',
        attempts: 1,
        nextAttemptAt: new Date(START + LEASE_MS).toISOString(),
      });
      expect(stored?.lastError).toBeUndefined();
      expect(stored?.event).toEqual(event);

      // A retry of the same delivery (even with another body) keeps the first.
      const again = entry(event, new Uint8Array([1, 2, 3]));
      expect(await store.claim(again)).toBe('duplicate');
      expect(await store.claim(again)).toBe('duplicate');
      expect((await store.getEvent(key(event)))?.delivery.body).toEqual(
        entry(event).delivery.body,
      );
      // Ids are unique per provider only.
      expect(
        await store.claim(entry(makeEvent({ id: 'evt_1', provider: 'other' }))),
      ).toBe('claimed');
      expect(
        await store.getEvent({ provider: 'acme', id: 'nope' }),
      ).toBeUndefined();
    });

    it('never answers in_progress, not even while the first claim is processing', async () => {
      const store = await one();
      const event = makeEvent({ id: 'evt_1' });
      const results = await Promise.all([
        store.claim(entry(event)),
        store.claim(entry(event)),
      ]);
      expect(results.sort()).toEqual(['claimed', 'duplicate']);
      expect(await store.claim(entry(event))).toBe('duplicate');
    });

    it('quarantines invalid events; complete and fail leave them quarantined', async () => {
      const store = await one();
      const invalid = makeInvalid({ id: 'evt_bad' });
      expect(await store.claim(entry(invalid))).toBe('claimed');
      await store.complete(key(invalid));
      await store.fail(key(invalid), new Error('onInvalid handler failed'));
      const stored = await store.getEvent(key(invalid));
      expect(stored).toMatchObject({ state: 'quarantined', attempts: 0 });
      expect(stored?.nextAttemptAt).toBeUndefined();
      expect(stored?.event).toEqual(invalid);
      expect(await store.claim(entry(invalid))).toBe('duplicate');
      clock += 365 * 24 * 3600 * 1000;
      expect(await store.leaseDue({ limit: 10, leaseMs: LEASE_MS })).toEqual(
        [],
      );
    });

    it('stores exactly one row when two stores claim the same events concurrently', async () => {
      const { stores } = await setup({}, 2);
      const [a, b] = stores as [DurableWebhookStore, DurableWebhookStore];
      const events = Array.from({ length: 40 }, (_, index) =>
        makeEvent({ id: `evt_${index}` }),
      );
      const results = await Promise.all(
        events.flatMap(event => [a.claim(entry(event)), b.claim(entry(event))]),
      );
      for (let index = 0; index < events.length; index++) {
        expect([results[2 * index], results[2 * index + 1]].sort()).toEqual([
          'claimed',
          'duplicate',
        ]);
      }
      expect(await a.counts()).toEqual([
        { provider: 'acme', state: 'processing', count: 40 },
      ]);
      const page = await b.listEvents({ limit: 500 });
      expect(page.events).toHaveLength(40);
    });

    it('completes processing events', async () => {
      const store = await one();
      const event = makeEvent({ id: 'evt_1' });
      await store.claim(entry(event));
      await store.complete(key(event));
      const stored = await store.getEvent(key(event));
      expect(stored).toMatchObject({ state: 'processed', attempts: 1 });
      expect(stored?.nextAttemptAt).toBeUndefined();
      // Unknown keys are ignored.
      await store.complete({ provider: 'acme', id: 'missing' });
      await store.fail({ provider: 'acme', id: 'missing' }, new Error('x'));
    });

    it('retries failures with backoff and dead-letters after maxAttempts', async () => {
      const store = await one({ maxAttempts: 3 });
      const event = makeEvent({ id: 'evt_1' });
      await store.claim(entry(event));

      const error = new Error('handler exploded');
      error.stack =
        'Error: handler exploded\n    at secret (/srv/app/token=abc.js:1:1)';
      await store.fail(key(event), error);
      let stored = await store.getEvent(key(event));
      expect(stored).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: 'handler exploded',
        nextAttemptAt: new Date(START + 1000).toISOString(),
      });

      clock += 999;
      expect(await store.leaseDue({ limit: 10, leaseMs: LEASE_MS })).toEqual(
        [],
      );
      clock += 1;
      let leased = await store.leaseDue({ limit: 10, leaseMs: LEASE_MS });
      expect(leased.map(row => [row.id, row.state, row.attempts])).toEqual([
        ['evt_1', 'processing', 2],
      ]);
      expect(leased[0]?.nextAttemptAt).toBe(
        new Date(clock + LEASE_MS).toISOString(),
      );
      expect(leased[0]?.event).toEqual(event);

      await store.fail(key(event), 'second failure');
      stored = await store.getEvent(key(event));
      expect(stored).toMatchObject({
        state: 'pending',
        attempts: 2,
        lastError: 'second failure',
        nextAttemptAt: new Date(clock + 2000).toISOString(),
      });

      clock += 2000;
      leased = await store.leaseDue({ limit: 10, leaseMs: LEASE_MS });
      expect(leased.map(row => row.attempts)).toEqual([3]);
      await store.fail(key(event), new Error('third failure'));
      stored = await store.getEvent(key(event));
      expect(stored).toMatchObject({
        state: 'failed',
        attempts: 3,
        lastError: 'third failure',
      });
      expect(stored?.nextAttemptAt).toBeUndefined();

      clock += 24 * 3600 * 1000;
      expect(await store.leaseDue({ limit: 10, leaseMs: LEASE_MS })).toEqual(
        [],
      );
      // A late complete/fail does not resurrect a dead letter.
      await store.fail(key(event), new Error('late'));
      expect((await store.getEvent(key(event)))?.state).toBe('failed');
    });

    it('recovers events whose lease expired (a crashed worker)', async () => {
      const store = await one({ maxAttempts: 3 });
      const event = makeEvent({ id: 'evt_1' });
      await store.claim(entry(event));
      // The receiver is still within its lease: nobody else may take it.
      clock += LEASE_MS - 1;
      expect(await store.leaseDue({ limit: 10, leaseMs: 5000 })).toEqual([]);
      clock += 1;
      const leased = await store.leaseDue({ limit: 10, leaseMs: 5000 });
      expect(leased.map(row => [row.id, row.state, row.attempts])).toEqual([
        ['evt_1', 'processing', 2],
      ]);
      expect(await store.leaseDue({ limit: 10, leaseMs: 5000 })).toEqual([]);
      clock += 5000;
      expect(
        (await store.leaseDue({ limit: 10, leaseMs: 5000 })).map(
          row => row.attempts,
        ),
      ).toEqual([3]);
      // A worker that dies maxAttempts times on the same event dead-letters it.
      clock += 5000;
      expect(await store.leaseDue({ limit: 10, leaseMs: 5000 })).toEqual([]);
      const stored = await store.getEvent(key(event));
      expect(stored).toMatchObject({ state: 'failed', attempts: 3 });
      expect(stored?.lastError).toMatch(/lease expired/);
    });

    it('fences complete and fail by lease: a worker whose lease expired cannot change the row', async () => {
      const { stores } = await setup({ maxAttempts: 5 }, 2);
      const [slow, fast] = stores as [DurableWebhookStore, DurableWebhookStore];
      const event = makeEvent({ id: 'evt_1' });
      await slow.claim(entry(event));
      await slow.fail(key(event), new Error('first try failed'));
      clock += 1000;
      const [first] = await slow.leaseDue({ limit: 10, leaseMs: LEASE_MS });
      expect(first?.lease).toEqual(expect.any(Number));
      expect((await fast.getEvent(key(event)))?.lease).toBe(first?.lease);
      // The slow worker's lease expires; another worker leases the event.
      clock += LEASE_MS;
      const [second] = await fast.leaseDue({ limit: 10, leaseMs: LEASE_MS });
      expect(second).toMatchObject({ state: 'processing', attempts: 3 });
      expect(second?.lease).toEqual(expect.any(Number));
      expect(second?.lease).not.toBe(first?.lease);
      const held = await fast.getEvent(key(event));
      expect(held).toMatchObject({ state: 'processing', lease: second?.lease });

      // The slow worker finishes late: neither outcome may touch the row.
      await slow.complete(key(event), { lease: first!.lease });
      expect(await fast.getEvent(key(event))).toEqual(held);
      await slow.fail(key(event), new Error('slow failure'), {
        lease: first!.lease,
      });
      expect(await fast.getEvent(key(event))).toEqual(held);

      // The current holder can.
      await fast.fail(key(event), new Error('current failure'), {
        lease: second!.lease,
      });
      expect(await slow.getEvent(key(event))).toMatchObject({
        state: 'pending',
        attempts: 3,
        lastError: 'current failure',
        nextAttemptAt: new Date(clock + 4000).toISOString(),
      });
      // A lease ends with its outcome: it cannot be used twice.
      await fast.complete(key(event), { lease: second!.lease });
      expect((await slow.getEvent(key(event)))?.state).toBe('pending');

      clock += 4000;
      const [third] = await slow.leaseDue({ limit: 10, leaseMs: LEASE_MS });
      expect(third?.lease).not.toBe(second?.lease);
      await fast.fail(key(event), 'stale', { lease: second!.lease });
      await slow.complete(key(event), { lease: first!.lease });
      expect((await fast.getEvent(key(event)))?.state).toBe('processing');
      await slow.complete(key(event), { lease: third!.lease });
      const done = await fast.getEvent(key(event));
      expect(done).toMatchObject({ state: 'processed', attempts: 4 });
      expect(done?.lastError).toBe('current failure');
    });

    it('fences the receiver that claimed an event once a worker took it over', async () => {
      const { stores } = await setup({ maxAttempts: 3 }, 2);
      const [receiver, worker] = stores as [
        DurableWebhookStore,
        DurableWebhookStore,
      ];
      const event = makeEvent({ id: 'evt_1' });
      const other = makeEvent({ id: 'evt_2' });
      expect(await receiver.claim(entry(event))).toBe('claimed');
      expect(await receiver.claim(entry(other))).toBe('claimed');
      const claimed = await worker.getEvent(key(event));
      expect(claimed?.lease).toEqual(expect.any(Number));
      // The receiver's handlers run past its claim lease; a worker takes over.
      clock += LEASE_MS;
      const leased = await worker.leaseDue({ limit: 10, leaseMs: LEASE_MS });
      expect(leased.map(row => row.id)).toEqual(['evt_1', 'evt_2']);
      const held = await worker.getEvent(key(event));
      expect(held?.lease).not.toBe(claimed?.lease);

      // The router's calls carry no lease: the store that claimed the event
      // applies its claim's lease, so the late outcome changes nothing.
      await receiver.complete(key(event));
      await receiver.fail(key(other), new Error('late failure'));
      expect(await worker.getEvent(key(event))).toEqual(held);
      expect(await worker.getEvent(key(other))).toMatchObject({
        state: 'processing',
        attempts: 2,
      });
      expect((await worker.getEvent(key(other)))?.lastError).toBeUndefined();
      // The claim's lease, passed explicitly, is just as stale.
      await worker.complete(key(event), { lease: claimed!.lease });
      expect(await worker.getEvent(key(event))).toEqual(held);

      await worker.complete(key(event), { lease: held!.lease });
      expect((await receiver.getEvent(key(event)))?.state).toBe('processed');
      // Without a lease (and no claim of its own), complete is not fenced.
      await worker.complete(key(other));
      expect((await receiver.getEvent(key(other)))?.state).toBe('processed');
    });

    it('never leases one event to two concurrent callers', async () => {
      const { stores } = await setup({}, 3);
      const total = 90;
      for (let index = 0; index < total; index++) {
        const event = makeEvent({
          id: `evt_${String(index).padStart(3, '0')}`,
        });
        await stores[0]!.claim(entry(event));
        await stores[0]!.fail(key(event), new Error('first try failed'));
      }
      clock += 1000;
      const seen = new Set<string>();
      for (let round = 0; round < 3; round++) {
        const batches = await Promise.all(
          stores.flatMap(store => [
            store.leaseDue({ limit: 20, leaseMs: LEASE_MS }),
            store.leaseDue({ limit: 20, leaseMs: LEASE_MS }),
          ]),
        );
        for (const batch of batches) {
          for (const row of batch) {
            expect(seen.has(row.id), `${row.id} leased twice`).toBe(false);
            seen.add(row.id);
            expect(row.attempts).toBe(2);
            expect(row.state).toBe('processing');
          }
        }
      }
      expect(seen.size).toBe(total);
      expect(
        await stores[1]!.leaseDue({ limit: 500, leaseMs: LEASE_MS }),
      ).toEqual([]);
      expect(await stores[0]!.counts()).toEqual([
        { provider: 'acme', state: 'processing', count: total },
      ]);
    });

    it('honours the leaseDue limit and leases the longest-due first', async () => {
      const store = await one();
      for (const [index, id] of ['a', 'b', 'c'].entries()) {
        const event = makeEvent({ id });
        await store.claim(entry(event));
        clock += index; // a is due first
        await store.fail(key(event), new Error('x'));
      }
      clock += 5000;
      expect(
        (await store.leaseDue({ limit: 2, leaseMs: LEASE_MS })).map(
          row => row.id,
        ),
      ).toEqual(['a', 'b']);
      expect(
        (await store.leaseDue({ limit: 2, leaseMs: LEASE_MS })).map(
          row => row.id,
        ),
      ).toEqual(['c']);
      expect(await store.leaseDue({ limit: 0, leaseMs: LEASE_MS })).toEqual([]);
    });

    it('pages newest first with an opaque cursor, and filters', async () => {
      const store = await one();
      const specs: [string, string, string, number][] = [
        // provider, id, type, receivedAt offset (s)
        ['acme', 'a1', 'payment.status_changed', 1],
        ['acme', 'a2', 'customer.updated', 2],
        ['zeta', 'z1', 'payment.status_changed', 2], // same instant as a2
        ['acme', 'a3', 'payment.status_changed', 3],
        ['zeta', 'z2', 'customer.updated', 4],
        ['acme', 'a4', 'payment.status_changed', 4],
        ['acme', 'a5', 'customer.updated', 4],
        ['zeta', 'z3', 'payment.status_changed', 5],
      ];
      for (const [provider, id, type, offset] of specs) {
        await store.claim(
          entry(
            makeEvent({
              provider,
              id,
              type,
              receivedAt: new Date(START + offset * 1000).toISOString(),
            }),
          ),
        );
      }
      await store.complete({ provider: 'acme', id: 'a4' });

      const collect = async (
        query: Parameters<DurableWebhookStore['listEvents']>[0],
      ) => {
        const ids: string[] = [];
        const cursors: (string | null)[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 20; page++) {
          const result = await store.listEvents({
            ...query,
            ...(cursor ? { cursor } : {}),
          });
          ids.push(...result.events.map(row => `${row.provider}/${row.id}`));
          cursors.push(result.nextCursor);
          if (result.nextCursor === null) break;
          expect(result.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
          cursor = result.nextCursor;
        }
        return { ids, cursors };
      };

      const all = await collect({ limit: 3 });
      expect(all.ids).toEqual([
        'zeta/z3',
        'zeta/z2',
        'acme/a5',
        'acme/a4',
        'acme/a3',
        'zeta/z1',
        'acme/a2',
        'acme/a1',
      ]);
      expect(all.cursors.at(-1)).toBeNull();
      expect(all.cursors).toHaveLength(3);

      expect((await collect({ limit: 2, provider: 'acme' })).ids).toEqual([
        'acme/a5',
        'acme/a4',
        'acme/a3',
        'acme/a2',
        'acme/a1',
      ]);
      expect(
        (await collect({ limit: 1, type: 'customer.updated' })).ids,
      ).toEqual(['zeta/z2', 'acme/a5', 'acme/a2']);
      expect(
        (await collect({ provider: 'zeta', type: 'payment.status_changed' }))
          .ids,
      ).toEqual(['zeta/z3', 'zeta/z1']);
      expect((await collect({ state: 'processed' })).ids).toEqual(['acme/a4']);
      expect((await collect({ provider: 'nobody' })).ids).toEqual([]);

      // An exactly full last page has no next cursor.
      expect((await store.listEvents({ limit: 8 })).nextCursor).toBeNull();
      expect((await store.listEvents({ limit: 7 })).nextCursor).not.toBeNull();
      // Limits are clamped to 1..500; default 50.
      expect((await store.listEvents({ limit: 0 })).events).toHaveLength(1);
      expect((await store.listEvents({ limit: 10_000 })).events).toHaveLength(
        8,
      );
      expect((await store.listEvents()).events).toHaveLength(8);

      // A cursor the store did not issue is the caller's mistake (400).
      for (const cursor of [
        'not a cursor',
        'eyJhIjoxfQ', // base64url of {"a":1}
        all.cursors[0]!.slice(0, -3),
      ]) {
        const error: unknown = await store.listEvents({ cursor }).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error, cursor).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/cursor/);
        expect(InvalidCursorError.isInstance(error), cursor).toBe(true);
        expect(error).toMatchObject({
          code: 'cursor_invalid',
          httpStatus: 400,
        });
      }
    });

    it('replaces quarantined events: valid becomes pending, invalid stays quarantined', async () => {
      const store = await one();
      const invalid = makeInvalid({ id: 'evt_q' });
      await store.claim(entry(invalid));
      clock += 60_000;

      const stillInvalid = makeInvalid({
        id: 'evt_q',
        issues: [
          {
            path: ['currency'],
            message: 'Unknown currency',
            code: 'invalid_value',
          },
        ],
      });
      let replaced = await store.replaceQuarantined(key(invalid), stillInvalid);
      expect(replaced).toMatchObject({
        state: 'quarantined',
        event: stillInvalid,
      });
      expect(replaced?.nextAttemptAt).toBeUndefined();
      expect(await store.leaseDue({ limit: 10, leaseMs: LEASE_MS })).toEqual(
        [],
      );

      const valid = makeEvent({ id: 'evt_q', type: 'payment.status_changed' });
      replaced = await store.replaceQuarantined(key(invalid), valid);
      expect(replaced).toMatchObject({
        state: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(clock).toISOString(),
      });
      expect(replaced?.event).toEqual(valid);
      expect('issues' in replaced!.event).toBe(false);
      expect(replaced?.delivery).toEqual(entry(invalid).delivery);
      expect(
        (await store.listEvents({ type: 'payment.status_changed' })).events,
      ).toHaveLength(1);

      // Only quarantined rows can be replaced.
      expect(
        await store.replaceQuarantined(key(invalid), valid),
      ).toBeUndefined();
      expect(
        await store.replaceQuarantined(
          { provider: 'acme', id: 'missing' },
          makeEvent({ id: 'missing' }),
        ),
      ).toBeUndefined();
      await expect(
        store.replaceQuarantined(key(invalid), makeEvent({ id: 'other' })),
      ).rejects.toThrow(/identity/);

      const leased = await store.leaseDue({ limit: 10, leaseMs: LEASE_MS });
      expect(leased.map(row => [row.id, row.attempts])).toEqual([['evt_q', 1]]);
      await store.complete(key(invalid), { lease: leased[0]!.lease });
      expect((await store.getEvent(key(invalid)))?.state).toBe('processed');
    });

    it('round-trips the envelope JSON and the exact body bytes', async () => {
      const store = await one();
      const body = new Uint8Array(512);
      for (let index = 0; index < body.length; index++)
        body[index] = (index * 7) % 256;
      body.set([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x00], 0); // not UTF-8, with NULs
      const event = makeEvent({
        id: 'evt_bin',
        livemode: false,
        account: 'P11112222',
        data: {
          zKey: 1,
          aKey: [{ b: 'ü\u0000\n"\\' }],
          big: 12345678901234,
          tiny: 1e-7,
          neg: -0.5,
        },
      });
      const delivery = {
        method: 'PUT',
        url: 'https://hooks.example.com/a/b?c=d&e=%20',
        headers: {
          'content-type': 'application/octet-stream',
          'x-weird': 'ä "quoted"',
        },
        body,
      };
      await store.claim({ event, delivery });
      const stored = await store.getEvent(key(event));
      expect(JSON.stringify(stored?.event)).toBe(JSON.stringify(event));
      expect(stored?.delivery).toEqual(delivery);
      expect(stored?.delivery.body).toBeInstanceOf(Uint8Array);
      // A plain Uint8Array (not a driver's Buffer subclass) with the exact bytes.
      expect(Object.getPrototypeOf(stored?.delivery.body)).toBe(
        Uint8Array.prototype,
      );
      expect(sameBytes(stored!.delivery.body, body)).toBe(true);

      const empty = makeEvent({ id: 'evt_empty' });
      await store.claim({
        event: empty,
        delivery: { ...delivery, body: new Uint8Array(0) },
      });
      expect((await store.getEvent(key(empty)))?.delivery.body).toEqual(
        new Uint8Array(0),
      );

      const listed = (await store.listEvents()).events.find(
        row => row.id === 'evt_bin',
      );
      expect(sameBytes(listed!.delivery.body, body)).toBe(true);
    });

    it('tells the latest state per subject when deliveries arrive out of order', async () => {
      const store = await one();
      const at = (minutes: number) =>
        new Date(START + minutes * 60_000).toISOString();
      const arrivals: [string, string | undefined, string, string][] = [
        // id, occurredAt, status, subject
        ['e2', at(2), 'AUTHORIZED', 'pay_1'],
        ['e3', at(3), 'CAPTURED', 'pay_1'],
        ['e1', at(1), 'CREATED', 'pay_1'], // arrives last, happened first
        ['x9', at(9), 'REFUNDED', 'pay_2'], // another payment
        ['n0', undefined, 'UNKNOWN', 'pay_1'], // no occurredAt: ranks last
      ];
      for (const [
        index,
        [id, occurredAt, status, subjectId],
      ] of arrivals.entries()) {
        const event = makeEvent({
          id,
          status,
          subject: { type: 'payment', id: subjectId },
          receivedAt: new Date(START + index * 1000).toISOString(),
        });
        if (occurredAt === undefined) delete event.occurredAt;
        else event.occurredAt = occurredAt;
        await store.claim(entry(event));
      }
      const latest = await store.latestBySubject({
        provider: 'acme',
        subjectType: 'payment',
        subjectId: 'pay_1',
      });
      expect(latest?.event.status).toBe('CAPTURED');
      expect(latest?.id).toBe('e3');

      // Same occurredAt: the later receipt wins.
      await store.claim(
        entry(
          makeEvent({
            id: 'e3b',
            status: 'SETTLED',
            occurredAt: at(3),
            receivedAt: new Date(START + 10_000).toISOString(),
          }),
        ),
      );
      expect(
        (
          await store.latestBySubject({
            provider: 'acme',
            subjectType: 'payment',
            subjectId: 'pay_1',
          })
        )?.id,
      ).toBe('e3b');
      expect(
        await store.latestBySubject({
          provider: 'zeta',
          subjectType: 'payment',
          subjectId: 'pay_1',
        }),
      ).toBeUndefined();
    });

    it('deletes every event about a subject, with its delivery, in any state', async () => {
      const store = await one();
      const person = (id: string, subjectId = 'per_1', provider = 'acme') =>
        makeEvent({
          id,
          provider,
          type: 'person.updated',
          subject: { type: 'person', id: subjectId },
        });
      const processed = person('p_processed');
      const pending = person('p_pending');
      const processing = person('p_processing');
      const quarantined = makeInvalid({
        id: 'p_quarantined',
        subject: { type: 'person', id: 'per_1' },
      });
      const kept = [
        person('p_other', 'per_2'), // another person
        person('p_foreign', 'per_1', 'zeta'), // same id at another provider
        makeEvent({
          id: 'p_payment',
          subject: { type: 'payment', id: 'per_1' },
        }),
        makeEvent({ id: 'p_none', subject: undefined }),
      ];
      for (const event of [
        processed,
        pending,
        processing,
        quarantined,
        ...kept,
      ])
        await store.claim(entry(event));
      await store.complete(key(processed));
      await store.fail(key(pending), new Error('later'));

      expect(
        await store.deleteBySubject({
          provider: 'acme',
          subjectType: 'person',
          subjectId: 'per_1',
        }),
      ).toBe(4);
      for (const event of [processed, pending, processing, quarantined])
        expect(await store.getEvent(key(event)), event.id).toBeUndefined();
      for (const event of kept)
        expect(await store.getEvent(key(event)), event.id).toBeDefined();
      expect(
        await store.latestBySubject({
          provider: 'acme',
          subjectType: 'person',
          subjectId: 'per_1',
        }),
      ).toBeUndefined();
      expect(
        (await store.listEvents()).events.map(row => row.id).sort(),
      ).toEqual(kept.map(event => event.id).sort());
      // Retry workers only see what is left.
      clock += 24 * 3600 * 1000;
      expect(
        (await store.leaseDue({ limit: 10, leaseMs: LEASE_MS }))
          .map(row => row.id)
          .sort(),
      ).toEqual(kept.map(event => event.id).sort());
      // A handler still running on a deleted event changes nothing.
      await store.complete(key(processing));
      await store.fail(key(processing), new Error('late'));
      expect(await store.getEvent(key(processing))).toBeUndefined();

      expect(
        await store.deleteBySubject({
          provider: 'acme',
          subjectType: 'person',
          subjectId: 'per_1',
        }),
      ).toBe(0);
      // Nothing of the deleted delivery survives: a redelivery is new.
      const body = new Uint8Array([9, 8, 7]);
      expect(await store.claim(entry(processed, body))).toBe('claimed');
      expect((await store.getEvent(key(processed)))?.delivery.body).toEqual(
        body,
      );
      expect(
        await store.deleteBySubject({
          provider: 'acme',
          subjectType: 'person',
          subjectId: 'per_1',
        }),
      ).toBe(1);
      expect(await store.counts()).toEqual(
        expect.arrayContaining([
          { provider: 'acme', state: 'processing', count: 3 },
          { provider: 'zeta', state: 'processing', count: 1 },
        ]),
      );
      expect(await store.counts()).toHaveLength(2);
    });

    it('counts events by provider and state', async () => {
      const store = await one();
      await store.claim(entry(makeEvent({ id: 'a' })));
      await store.claim(entry(makeEvent({ id: 'b' })));
      await store.claim(entry(makeInvalid({ id: 'c' })));
      await store.claim(entry(makeEvent({ id: 'd', provider: 'zeta' })));
      await store.complete({ provider: 'acme', id: 'a' });
      const counts = await store.counts();
      expect(counts).toEqual(
        expect.arrayContaining([
          { provider: 'acme', state: 'processed', count: 1 },
          { provider: 'acme', state: 'processing', count: 1 },
          { provider: 'acme', state: 'quarantined', count: 1 },
          { provider: 'zeta', state: 'processing', count: 1 },
        ]),
      );
      expect(counts).toHaveLength(4);
    });

    it('works under createWebhooks and the retry worker (accept-then-process)', async () => {
      const store = await one();
      const adapter: WebhookAdapterV1 = {
        specVersion: 'v1',
        provider: 'acme',
        methods: ['POST'],
        nativeTypes: ['PAYMENT_UPDATED'],
        sensitiveHeaders: ['x-api-key'],
        async receive(request) {
          const payload = JSON.parse(
            new TextDecoder().decode(request.body),
          ) as {
            id: string;
            amount: unknown;
          };
          const event = makeEvent({
            id: payload.id,
            receivedAt: new Date(clock).toISOString(),
          });
          if (typeof payload.amount !== 'number') {
            const invalidEvent: InvalidWebhookEventV1 = {
              ...event,
              issues: [
                {
                  path: ['amount'],
                  message: 'not a number',
                  code: 'invalid_type',
                },
              ],
            };
            return { kind: 'invalid', event: invalidEvent, warnings: [] };
          }
          return { kind: 'event', event, warnings: [] };
        },
      };
      const background: Promise<unknown>[] = [];
      const webhooks = createWebhooks({
        adapters: [adapter],
        store,
        waitUntil: promise => background.push(promise),
      });
      let failuresLeft = 1;
      const handled: string[] = [];
      webhooks.onAny(event => {
        if (failuresLeft-- > 0) throw new Error('downstream unavailable');
        handled.push(event.id);
      });
      const request = (body: unknown) =>
        createRawWebhookRequest({
          method: 'POST',
          url: 'https://hooks.example.com/webhooks/acme',
          headers: new Headers({
            'x-api-key': 'secret-token',
            'content-type': 'application/json',
          }),
          body: new TextEncoder().encode(JSON.stringify(body)),
        });

      const outcome = await webhooks.receive(
        'acme',
        request({ id: 'evt_1', amount: 5 }),
      );
      expect(outcome.status).toBe('accepted');
      await Promise.all(background);
      let stored = await store.getEvent({ provider: 'acme', id: 'evt_1' });
      expect(stored).toMatchObject({
        state: 'pending',
        lastError: expect.stringMatching(/downstream unavailable/),
      });
      expect(stored?.delivery.headers['x-api-key']).toBeUndefined();
      expect(
        (await webhooks.receive('acme', request({ id: 'evt_1', amount: 5 })))
          .status,
      ).toBe('duplicate');

      const worker = createRetryWorker({ webhooks, store, leaseMs: LEASE_MS });
      expect(await worker.runOnce()).toBe(0);
      clock += 1000;
      expect(await worker.runOnce()).toBe(1);
      expect(handled).toEqual(['evt_1']);
      stored = await store.getEvent({ provider: 'acme', id: 'evt_1' });
      expect(stored).toMatchObject({ state: 'processed', attempts: 2 });

      const invalid = await webhooks.receive(
        'acme',
        request({ id: 'evt_2', amount: 'x' }),
      );
      expect(invalid).toMatchObject({ status: 'accepted', invalid: true });
      await Promise.all(background);
      expect(
        (await store.getEvent({ provider: 'acme', id: 'evt_2' }))?.state,
      ).toBe('quarantined');
    });

    it('closes idempotently', async () => {
      const database = await target.createDatabase();
      cleanups.push(() => database.cleanup());
      const store = database.open({ now });
      await store.migrate();
      await store.close();
      await store.close();
    });

    if (target.parallel) {
      it('keeps claims and leases consistent under parallel load from two stores', async () => {
        const { stores } = await setup({}, 2);
        const [a, b] = stores as [DurableWebhookStore, DurableWebhookStore];
        const events = Array.from({ length: 60 }, (_, index) =>
          makeEvent({ id: `p_${index}` }),
        );
        await Promise.all(
          events.map((event, index) => (index % 2 ? a : b).claim(entry(event))),
        );
        await Promise.all(
          events.map((event, index) =>
            (index % 3 ? a : b).fail(key(event), 'x'),
          ),
        );
        clock += 1000;
        const batches = await Promise.all(
          Array.from({ length: 8 }, (_, index) =>
            (index % 2 ? a : b).leaseDue({ limit: 10, leaseMs: LEASE_MS }),
          ),
        );
        const ids = batches.flat().map(row => row.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(60);
      });
    }
  });
}
