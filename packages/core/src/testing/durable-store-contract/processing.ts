// Processing: complete, retries with backoff, leases and their fencing, replay of quarantined events, and the router with the retry worker on top.
import { expect, it } from 'vitest';
import { createRawWebhookRequest } from '../../adapter/v1/raw-webhook-request';
import type { WebhookAdapterV1 } from '../../adapter/v1/webhook-adapter-v1';
import type { InvalidWebhookEventV1 } from '../../envelope/v1/webhook-event-v1';
import { createWebhooks } from '../../router/create-webhooks';
import { createRetryWorker } from '../../store/create-retry-worker';
import type { DurableWebhookStore } from '../../store/durable-webhook-store';
import {
  type ContractContext,
  START,
  LEASE_MS,
  makeEvent,
  makeInvalid,
  entry,
  key,
} from './context';

export function registerProcessingTests(ctx: ContractContext): void {
  const { setup, one } = ctx;
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

    ctx.clock += 999;
    expect(await store.leaseDue({ limit: 10, leaseMs: LEASE_MS })).toEqual([]);
    ctx.clock += 1;
    let leased = await store.leaseDue({ limit: 10, leaseMs: LEASE_MS });
    expect(leased.map(row => [row.id, row.state, row.attempts])).toEqual([
      ['evt_1', 'processing', 2],
    ]);
    expect(leased[0]?.nextAttemptAt).toBe(
      new Date(ctx.clock + LEASE_MS).toISOString(),
    );
    expect(leased[0]?.event).toEqual(event);

    await store.fail(key(event), 'second failure');
    stored = await store.getEvent(key(event));
    expect(stored).toMatchObject({
      state: 'pending',
      attempts: 2,
      lastError: 'second failure',
      nextAttemptAt: new Date(ctx.clock + 2000).toISOString(),
    });

    ctx.clock += 2000;
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

    ctx.clock += 24 * 3600 * 1000;
    expect(await store.leaseDue({ limit: 10, leaseMs: LEASE_MS })).toEqual([]);
    // A late complete/fail does not resurrect a dead letter.
    await store.fail(key(event), new Error('late'));
    expect((await store.getEvent(key(event)))?.state).toBe('failed');
  });
  it('recovers events whose lease expired (a crashed worker)', async () => {
    const store = await one({ maxAttempts: 3 });
    const event = makeEvent({ id: 'evt_1' });
    await store.claim(entry(event));
    // The receiver is still within its lease: nobody else may take it.
    ctx.clock += LEASE_MS - 1;
    expect(await store.leaseDue({ limit: 10, leaseMs: 5000 })).toEqual([]);
    ctx.clock += 1;
    const leased = await store.leaseDue({ limit: 10, leaseMs: 5000 });
    expect(leased.map(row => [row.id, row.state, row.attempts])).toEqual([
      ['evt_1', 'processing', 2],
    ]);
    expect(await store.leaseDue({ limit: 10, leaseMs: 5000 })).toEqual([]);
    ctx.clock += 5000;
    expect(
      (await store.leaseDue({ limit: 10, leaseMs: 5000 })).map(
        row => row.attempts,
      ),
    ).toEqual([3]);
    // A worker that dies maxAttempts times on the same event dead-letters it.
    ctx.clock += 5000;
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
    ctx.clock += 1000;
    const [first] = await slow.leaseDue({ limit: 10, leaseMs: LEASE_MS });
    expect(first?.lease).toEqual(expect.any(Number));
    expect((await fast.getEvent(key(event)))?.lease).toBe(first?.lease);
    // The slow worker's lease expires; another worker leases the event.
    ctx.clock += LEASE_MS;
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
      nextAttemptAt: new Date(ctx.clock + 4000).toISOString(),
    });
    // A lease ends with its outcome: it cannot be used twice.
    await fast.complete(key(event), { lease: second!.lease });
    expect((await slow.getEvent(key(event)))?.state).toBe('pending');

    ctx.clock += 4000;
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
    expect(await receiver.claim(entry(event))).toMatchObject({
      status: 'claimed',
    });
    expect(await receiver.claim(entry(other))).toMatchObject({
      status: 'claimed',
    });
    const claimed = await worker.getEvent(key(event));
    expect(claimed?.lease).toEqual(expect.any(Number));
    // The receiver's handlers run past its claim lease; a worker takes over.
    ctx.clock += LEASE_MS;
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
    ctx.clock += 1000;
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
      ctx.clock += index; // a is due first
      await store.fail(key(event), new Error('x'));
    }
    ctx.clock += 5000;
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
  it('replaces quarantined events: valid becomes pending, invalid stays quarantined', async () => {
    const store = await one();
    const invalid = makeInvalid({ id: 'evt_q' });
    await store.claim(entry(invalid));
    ctx.clock += 60_000;

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
    expect(await store.leaseDue({ limit: 10, leaseMs: LEASE_MS })).toEqual([]);

    const valid = makeEvent({ id: 'evt_q', type: 'payment.status_changed' });
    replaced = await store.replaceQuarantined(key(invalid), valid);
    expect(replaced).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(ctx.clock).toISOString(),
    });
    expect(replaced?.event).toEqual(valid);
    expect('issues' in replaced!.event).toBe(false);
    expect(replaced?.delivery).toEqual(entry(invalid).delivery);
    expect(
      (await store.listEvents({ type: 'payment.status_changed' })).events,
    ).toHaveLength(1);

    // Only quarantined rows can be replaced.
    expect(await store.replaceQuarantined(key(invalid), valid)).toBeUndefined();
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
  it('works under createWebhooks and the retry worker (accept-then-process)', async () => {
    const store = await one();
    const adapter: WebhookAdapterV1 = {
      specVersion: 'v1',
      provider: 'acme',
      methods: ['POST'],
      nativeTypes: ['PAYMENT_UPDATED'],
      sensitiveHeaders: ['x-api-key'],
      async receive(request) {
        const payload = JSON.parse(new TextDecoder().decode(request.body)) as {
          id: string;
          amount: unknown;
        };
        const event = makeEvent({
          id: payload.id,
          receivedAt: new Date(ctx.clock).toISOString(),
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
    ctx.clock += 1000;
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
}
