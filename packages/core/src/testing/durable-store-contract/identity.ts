// Identity: what makes a delivery a duplicate (docs/trust-model.md) and the
// ids the store assigns, also under concurrent claims.
import { expect, it } from 'vitest';
import type { DurableWebhookStore } from '../../store/durable-webhook-store';
import type { WebhookClaimResult } from '../../store/webhook-store';
import {
  type ContractContext,
  START,
  entry,
  key,
  makeContentEvent,
  makeEvent,
} from './context';

const WINDOW_MS = 60_000;

export function registerIdentityTests(ctx: ContractContext): void {
  const { setup, one } = ctx;

  /** A content event received now (the suite's clock). */
  const content = (
    dedupKey: string,
    overrides: Parameters<typeof makeContentEvent>[2] = {},
  ) => makeContentEvent(dedupKey, ctx.clock, overrides, WINDOW_MS);

  it('treats a provider id or signed material as one event, however much later it comes again', async () => {
    const store = await one();
    const first = makeEvent({ id: 'evt_k' });
    expect(await store.claim(entry(first))).toEqual({
      status: 'claimed',
      id: 'evt_k',
    });
    ctx.clock += 400 * 24 * 3600 * 1000;
    // The key is what counts: another receipt time, other data, other
    // unsigned header facts, another stored delivery.
    const later = makeEvent({
      id: 'evt_k',
      receivedAt: new Date(ctx.clock).toISOString(),
      data: { amount: 1 },
      delivery: { headers: { 'x-acme-delivery-id': 'fresh' } },
    });
    expect(await store.claim(entry(later, new Uint8Array([1])))).toEqual({
      status: 'duplicate',
      id: 'evt_k',
    });

    const signed = (delivery: string) =>
      makeEvent({
        id: 'sm_1',
        identity: { source: 'signed_material', key: 'sm_1' },
        receivedAt: new Date(ctx.clock).toISOString(),
        delivery: { headers: { 'x-acme-delivery-id': delivery } },
      });
    expect(await store.claim(entry(signed('d1')))).toEqual({
      status: 'claimed',
      id: 'sm_1',
    });
    ctx.clock += 30 * 24 * 3600 * 1000;
    expect(await store.claim(entry(signed('d2')))).toEqual({
      status: 'duplicate',
      id: 'sm_1',
    });
    // The stored event is the first one.
    expect((await store.getEvent(key(first)))?.event).toEqual(first);
    expect(
      (await store.getEvent({ provider: 'acme', id: 'sm_1' }))?.event.delivery,
    ).toEqual({ headers: { 'x-acme-delivery-id': 'd1' } });
    expect(await store.counts()).toEqual([
      { provider: 'acme', state: 'processing', count: 2 },
    ]);
  });

  it('stores content A, B, A for one subject as three events: ids key, key(B), key.2', async () => {
    const store = await one();
    const results: WebhookClaimResult[] = [];
    for (const dedupKey of ['kA', 'kA', 'kB', 'kB', 'kA', 'kA', 'kB']) {
      ctx.clock += 1000;
      results.push(
        await store.claim(
          entry(
            content(dedupKey, {
              // Fresh unsigned facts do not make a retry new.
              delivery: { headers: { 'x-acme-delivery-id': `d${ctx.clock}` } },
            }),
          ),
        ),
      );
    }
    expect(results).toEqual([
      { status: 'claimed', id: 'kA' },
      { status: 'duplicate', id: 'kA' },
      { status: 'claimed', id: 'kB' },
      { status: 'duplicate', id: 'kB' },
      { status: 'claimed', id: 'kA.2' },
      { status: 'duplicate', id: 'kA.2' },
      { status: 'claimed', id: 'kB.2' },
    ]);
    // The stored event carries its assigned id; its key stays the key.
    const second = await store.getEvent({ provider: 'acme', id: 'kA.2' });
    expect(second?.event.id).toBe('kA.2');
    expect(second?.event.identity).toEqual({
      source: 'content',
      key: 'kA',
      windowMs: WINDOW_MS,
    });
    expect(second?.event.receivedAt).toBe(new Date(START + 5000).toISOString());
    expect((await store.listEvents()).events.map(row => row.id).sort()).toEqual(
      ['kA', 'kA.2', 'kB', 'kB.2'],
    );
    // The assigned id is the handle of every other call.
    await store.complete({ provider: 'acme', id: 'kA.2' });
    expect(
      (await store.getEvent({ provider: 'acme', id: 'kA.2' }))?.state,
    ).toBe('processed');
    expect((await store.getEvent({ provider: 'acme', id: 'kA' }))?.state).toBe(
      'processing',
    );
  });

  it('orders content events by insertion, not by receipt time (ties)', async () => {
    const store = await one();
    // All received at the same instant, as a busy receiver may.
    const results: WebhookClaimResult[] = [];
    for (const dedupKey of ['kA', 'kB', 'kA', 'kA'])
      results.push(await store.claim(entry(content(dedupKey))));
    expect(results).toEqual([
      { status: 'claimed', id: 'kA' },
      { status: 'claimed', id: 'kB' },
      { status: 'claimed', id: 'kA.2' },
      { status: 'duplicate', id: 'kA.2' },
    ]);
  });

  it('stores identical content after the window as a new event', async () => {
    const store = await one();
    expect(await store.claim(entry(content('kA')))).toEqual({
      status: 'claimed',
      id: 'kA',
    });
    // The window counts from the latest event's receipt, up to and including its end.
    ctx.clock = START + WINDOW_MS;
    expect(await store.claim(entry(content('kA')))).toEqual({
      status: 'duplicate',
      id: 'kA',
    });
    ctx.clock = START + WINDOW_MS + 1;
    expect(await store.claim(entry(content('kA')))).toEqual({
      status: 'claimed',
      id: 'kA.2',
    });
    ctx.clock += 1;
    expect(await store.claim(entry(content('kA')))).toEqual({
      status: 'duplicate',
      id: 'kA.2',
    });
    // A window of 0: identical bytes are always new.
    const once = (at: number) =>
      makeContentEvent('kZ', at, { subject: { type: 'payment', id: 'z' } }, 0);
    expect((await store.claim(entry(once(ctx.clock)))).status).toBe('claimed');
    ctx.clock += 1;
    expect(await store.claim(entry(once(ctx.clock)))).toEqual({
      status: 'claimed',
      id: 'kZ.2',
    });
  });

  it('compares a content key with the latest event of the same provider, native type and subject only', async () => {
    const store = await one();
    const claim = async (event: Parameters<typeof entry>[0]) =>
      store.claim(entry(event));
    expect(await claim(content('kA'))).toEqual({ status: 'claimed', id: 'kA' });
    // Another subject, native type, provider, or no subject at all: not
    // the same scope, so not a duplicate (the id moves on when taken).
    expect(
      await claim(content('kA', { subject: { type: 'payment', id: 'pay_2' } })),
    ).toEqual({ status: 'claimed', id: 'kA.2' });
    expect(
      await claim(content('kA', { nativeType: 'PAYMENT_CREATED' })),
    ).toEqual({ status: 'claimed', id: 'kA.3' });
    expect(await claim(content('kA', { provider: 'zeta' }))).toEqual({
      status: 'claimed',
      id: 'kA',
    });
    const unscoped = content('kA');
    delete unscoped.subject;
    expect(await claim(unscoped)).toEqual({ status: 'claimed', id: 'kA.4' });
    expect(await claim(unscoped)).toEqual({ status: 'duplicate', id: 'kA.4' });
    // Events identified by a provider id do not interrupt a subject's content chain.
    expect(await claim(makeEvent({ id: 'evt_x' }))).toEqual({
      status: 'claimed',
      id: 'evt_x',
    });
    expect(await claim(content('kA'))).toEqual({
      status: 'duplicate',
      id: 'kA',
    });
    // A provider id equal to a content id is another event, with a free id.
    expect(await claim(makeEvent({ id: 'kA' }))).toEqual({
      status: 'claimed',
      id: 'kA.5',
    });
    expect(await claim(makeEvent({ id: 'kA' }))).toEqual({
      status: 'duplicate',
      id: 'kA.5',
    });
  });

  it('stores a content event again once the latest one was erased', async () => {
    const store = await one();
    expect((await store.claim(entry(content('kA')))).status).toBe('claimed');
    await store.deleteBySubject({
      provider: 'acme',
      subjectType: 'payment',
      subjectId: 'pay_1',
    });
    expect(await store.claim(entry(content('kA')))).toEqual({
      status: 'claimed',
      id: 'kA',
    });
  });

  it('assigns unique ids under concurrent claims of one content event from two stores', async () => {
    const { stores } = await setup({}, 2);
    const [a, b] = stores as [DurableWebhookStore, DurableWebhookStore];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        (index % 2 ? a : b).claim(entry(content('kA'))),
      ),
    );
    expect(results.filter(result => result.status === 'claimed')).toEqual([
      { status: 'claimed', id: 'kA' },
    ]);
    expect(results.every(result => result.id === 'kA')).toBe(true);
    expect(results.some(result => result.status === 'in_progress')).toBe(false);
    expect(await a.counts()).toEqual([
      { provider: 'acme', state: 'processing', count: 1 },
    ]);
  });

  it('stores exactly one event per change when two stores claim A/B alternations concurrently', async () => {
    const { stores } = await setup({}, 2);
    const [a, b] = stores as [DurableWebhookStore, DurableWebhookStore];
    const rounds = 8;
    const claimed: string[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const dedupKey of ['kA', 'kB']) {
        ctx.clock += 10;
        // Every receiver gets the delivery, several times, at once.
        const results = await Promise.all(
          [a, b, a, b, a].map(store => store.claim(entry(content(dedupKey)))),
        );
        const won = results.filter(result => result.status === 'claimed');
        expect(won, `${dedupKey} in round ${round}`).toHaveLength(1);
        expect(new Set(results.map(result => result.id)).size).toBe(1);
        claimed.push(won[0]!.id);
      }
    }
    const expected = Array.from({ length: rounds }, (_, index) =>
      index === 0 ? ['kA', 'kB'] : [`kA.${index + 1}`, `kB.${index + 1}`],
    ).flat();
    expect(claimed).toEqual(expected);
    const page = await b.listEvents({ limit: 500 });
    expect(page.events.map(row => row.id).sort()).toEqual([...expected].sort());
    for (const row of page.events) expect(row.event.id).toBe(row.id);
  });

  it('assigns unique ids when many content events of one key arrive at once for different subjects', async () => {
    const { stores } = await setup({}, 2);
    const [a, b] = stores as [DurableWebhookStore, DurableWebhookStore];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? a : b).claim(
          entry(
            content('kS', { subject: { type: 'payment', id: `pay_${index}` } }),
          ),
        ),
      ),
    );
    expect(results.every(result => result.status === 'claimed')).toBe(true);
    const ids = results.map(result => result.id);
    expect(new Set(ids).size).toBe(20);
    expect(ids.every(id => /^kS(?:\.\d+)?$/.test(id))).toBe(true);
    expect((await a.listEvents({ limit: 500 })).events).toHaveLength(20);
  });
}
