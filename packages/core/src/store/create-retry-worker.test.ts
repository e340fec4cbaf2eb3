import { describe, expect, it, vi } from 'vitest';
import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import { createWebhooks } from '../router/create-webhooks';
import { createFakeAdapter, signFakeRequest } from '../testing/fake-adapter';
import { createFakeDurableStore } from '../testing/fake-durable-store';
import { createRetryWorker } from './create-retry-worker';

const secret = 'whsec_test';

async function deliver(
  webhooks: ReturnType<typeof setup>['webhooks'],
  id: string,
) {
  const request = await signFakeRequest(
    createRawWebhookRequest({
      url: 'https://x.test/webhooks/fake',
      body: JSON.stringify({
        id,
        type: 'customer.update',
        customer: { id: 'c' },
      }),
    }),
    { secret },
  );
  return webhooks.receive('fake', request);
}

function setup() {
  let now = Date.parse('2026-11-26T12:00:00Z');
  const clock = { advance: (ms: number) => (now += ms), now: () => now };
  const store = createFakeDurableStore({ maxAttempts: 3, now: clock.now });
  const background: Promise<unknown>[] = [];
  const webhooks = createWebhooks({
    adapters: [createFakeAdapter({ secret })],
    store,
    waitUntil: p => void background.push(p),
  });
  return { store, webhooks, clock, settle: () => Promise.all(background) };
}

describe('createRetryWorker', () => {
  it('should retry a failed handler from the store until it succeeds', async () => {
    const { store, webhooks, clock, settle } = setup();
    let failures = 2;
    const handler = vi.fn(() => {
      if (failures-- > 0) throw new Error('flaky');
    });
    webhooks.on('customer.updated', handler);
    await deliver(webhooks, 'evt_1');
    await settle();
    const worker = createRetryWorker({ webhooks, store });
    expect(await worker.runOnce()).toBe(0); // not due yet (backoff)
    clock.advance(1_000);
    expect(await worker.runOnce()).toBe(1); // fails again
    expect(store.rows.get('fake:evt_1')?.state).toBe('pending');
    clock.advance(2_000);
    expect(await worker.runOnce()).toBe(1);
    expect(store.rows.get('fake:evt_1')).toMatchObject({
      state: 'processed',
      attempts: 3,
    });
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('should dead-letter after maxAttempts and recover expired leases', async () => {
    const { store, webhooks, clock, settle } = setup();
    const onError = vi.fn();
    webhooks.on('customer.updated', () => {
      throw new Error('always');
    });
    await deliver(webhooks, 'evt_1');
    await settle();
    const worker = createRetryWorker({ webhooks, store, onError });
    for (let round = 0; round < 5; round++) {
      clock.advance(60 * 60 * 1000);
      await worker.runOnce();
    }
    expect(store.rows.get('fake:evt_1')?.state).toBe('failed');
    expect(onError).toHaveBeenCalledTimes(2);

    // A worker that died mid-way leaves a processing row: it is picked up after the lease.
    const row = store.rows.get('fake:evt_1')!;
    Object.assign(row, {
      state: 'processing',
      attempts: 0,
      nextAttemptAt: new Date(clock.now() + 1000).toISOString(),
    });
    expect(await worker.runOnce()).toBe(0);
    clock.advance(1001);
    expect(await worker.runOnce()).toBe(1);
  });

  it('should pass its lease, so a run that outlived it changes nothing', async () => {
    const { store, webhooks, clock, settle } = setup();
    let release!: () => void;
    const gate = new Promise<void>(resolve => (release = resolve));
    let calls = 0;
    webhooks.on('customer.updated', async () => {
      calls += 1;
      if (calls === 1) throw new Error('first delivery failed');
      if (calls === 2) {
        await gate; // a slow run: its lease expires meanwhile
        throw new Error('slow run failed');
      }
    });
    await deliver(webhooks, 'evt_1');
    await settle();
    clock.advance(1_000);
    const slow = createRetryWorker({ webhooks, store, leaseMs: 5_000 });
    const slowRound = slow.runOnce();
    await vi.waitFor(() => expect(calls).toBe(2));
    clock.advance(5_000);
    const fast = createRetryWorker({ webhooks, store, leaseMs: 5_000 });
    expect(await fast.runOnce()).toBe(1);
    expect(store.rows.get('fake:evt_1')).toMatchObject({
      state: 'processed',
      attempts: 3,
      lease: 3,
    });
    release();
    expect(await slowRound).toBe(1);
    expect(store.rows.get('fake:evt_1')?.state).toBe('processed');
  });

  it('should start and stop cleanly', async () => {
    const { store, webhooks } = setup();
    const worker = createRetryWorker({ webhooks, store, intervalMs: 5 });
    worker.start();
    await new Promise(resolve => setTimeout(resolve, 20));
    await expect(worker.stop()).resolves.toBeUndefined();
  });
});
