// Claims: dedup of retries, quarantine on arrival, concurrent receivers.
import { expect, it } from 'vitest';
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

export function registerClaimTests(ctx: ContractContext): void {
  const { setup, one, target } = ctx;
  it('migrates idempotently, also with concurrent callers', async () => {
    const database = await target.createDatabase();
    ctx.cleanups.push(() => database.cleanup());
    const a = database.open({ now: ctx.now });
    const b = database.open({ now: ctx.now });
    ctx.cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
    await a.migrate();
    await b.migrate();
    expect(await a.claim(entry(makeEvent({ id: 'evt_1' })))).toMatchObject({
      status: 'claimed',
    });
    expect(await b.counts()).toEqual([
      { provider: 'acme', state: 'processing', count: 1 },
    ]);
  });
  it('claims a new event as processing with a lease, and answers duplicate after', async () => {
    const store = await one();
    const event = makeEvent({ id: 'evt_1' });
    expect(store.durable).toBe(true);
    expect(await store.claim(entry(event))).toEqual({
      status: 'claimed',
      id: 'evt_1',
    });
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
    expect(await store.claim(again)).toEqual({
      status: 'duplicate',
      id: 'evt_1',
    });
    expect(await store.claim(again)).toEqual({
      status: 'duplicate',
      id: 'evt_1',
    });
    expect((await store.getEvent(key(event)))?.delivery.body).toEqual(
      entry(event).delivery.body,
    );
    // Ids are unique per provider only.
    expect(
      await store.claim(entry(makeEvent({ id: 'evt_1', provider: 'other' }))),
    ).toMatchObject({ status: 'claimed' });
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
    expect(results.map(result => result.status).sort()).toEqual([
      'claimed',
      'duplicate',
    ]);
    expect(results.map(result => result.id)).toEqual(['evt_1', 'evt_1']);
    expect(await store.claim(entry(event))).toMatchObject({
      status: 'duplicate',
    });
  });
  it('quarantines invalid events; complete and fail leave them quarantined', async () => {
    const store = await one();
    const invalid = makeInvalid({ id: 'evt_bad' });
    expect(await store.claim(entry(invalid))).toMatchObject({
      status: 'claimed',
    });
    await store.complete(key(invalid));
    await store.fail(key(invalid), new Error('onInvalid handler failed'));
    const stored = await store.getEvent(key(invalid));
    expect(stored).toMatchObject({ state: 'quarantined', attempts: 0 });
    expect(stored?.nextAttemptAt).toBeUndefined();
    expect(stored?.event).toEqual(invalid);
    expect(await store.claim(entry(invalid))).toMatchObject({
      status: 'duplicate',
    });
    ctx.clock += 365 * 24 * 3600 * 1000;
    expect(await store.leaseDue({ limit: 10, leaseMs: LEASE_MS })).toEqual([]);
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
      expect(
        [results[2 * index]!.status, results[2 * index + 1]!.status].sort(),
      ).toEqual(['claimed', 'duplicate']);
      expect(results[2 * index]!.id).toBe(`evt_${index}`);
      expect(results[2 * index + 1]!.id).toBe(`evt_${index}`);
    }
    expect(await a.counts()).toEqual([
      { provider: 'acme', state: 'processing', count: 40 },
    ]);
    const page = await b.listEvents({ limit: 500 });
    expect(page.events).toHaveLength(40);
  });
  it('closes idempotently', async () => {
    const database = await target.createDatabase();
    ctx.cleanups.push(() => database.cleanup());
    const store = database.open({ now: ctx.now });
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
        events.map((event, index) => (index % 3 ? a : b).fail(key(event), 'x')),
      );
      ctx.clock += 1000;
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
}
