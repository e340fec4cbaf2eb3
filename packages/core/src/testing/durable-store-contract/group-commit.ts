// Group commit: claims, completions and failures that arrive together may be
// committed together (one transaction), but every decision stays exactly
// what it would be one by one: dedup per event, content keys in arrival
// order, a row the database refuses failing (or quarantined) alone, and no
// promise settling before the commit that holds its write.
import { expect, it } from 'vitest';
import type { AnyWebhookEventV1 } from '../../envelope/v1/webhook-event-v1';
import type { DurableWebhookStore } from '../../store/durable-webhook-store';
import {
  type ContractContext,
  entry,
  key,
  makeContentEvent,
  makeEvent,
} from './context';

/** JSON nested `depth` arrays deep around `1`. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** Deterministic text of `length` characters that does not compress away. */
function noise(length: number): string {
  let state = 7;
  let text = '';
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += state.toString(36);
  }
  return text.slice(0, length);
}

export function registerGroupCommitTests(ctx: ContractContext): void {
  const { setup, one } = ctx;

  it('decides dedup per event inside one batch: copies of a delivery, content keys in order, rows the database refuses', async () => {
    const store = await one();
    const subject = { type: 'payment', id: 'pay_batch' };
    const provider = makeEvent({ id: 'evt_b1' });
    const a = makeContentEvent('k_a', ctx.clock, { subject });
    const b = makeContentEvent('k_b', ctx.clock, { subject });
    // Refused by every database (cannot be serialized) resp. by an index
    // (PostgreSQL: a key longer than a B-tree entry): kept or quarantined.
    const deep = makeEvent({ id: 'evt_deep_batch', data: nested(200_000) });
    const long = makeEvent({ id: `evt_${noise(6000)}` });
    const other = makeEvent({ id: 'evt_b2' });
    // One synchronous burst: a store that batches sees them in one batch.
    const entries = [
      entry(provider),
      entry(a),
      entry(provider),
      entry(deep),
      entry(a),
      entry(long),
      entry(b),
      entry(a),
      entry(other),
      entry(provider),
    ];
    const results = await Promise.all(entries.map(item => store.claim(item)));
    expect(results.map(result => result.status)).toEqual([
      'claimed',
      'claimed',
      'duplicate',
      'claimed',
      'duplicate',
      'claimed',
      'claimed',
      'claimed',
      'claimed',
      'duplicate',
    ]);
    expect(results[0]!.id).toBe('evt_b1');
    expect(results[2]!.id).toBe('evt_b1');
    expect(results[9]!.id).toBe('evt_b1');
    // A, A (a copy), B, A (new: B came between) for one subject.
    expect(results[1]!.id).toBe('k_a');
    expect(results[4]!.id).toBe('k_a');
    expect(results[6]!.id).toBe('k_b');
    expect(results[7]!.id).toBe('k_a.2');
    expect(results[3]!.id).toBe('evt_deep_batch');
    expect(results[8]!.id).toBe('evt_b2');

    // The refused rows alone are quarantined; the batch around them is not.
    const deepStored = await store.getEvent(key(deep));
    expect(deepStored).toMatchObject({ state: 'quarantined' });
    expect(
      'issues' in deepStored!.event && deepStored!.event.issues[0]!.code,
    ).toBe('store_rejected');
    const longStored = await store.getEvent({
      provider: 'acme',
      id: results[5]!.id,
    });
    expect(longStored).toBeDefined();
    for (const index of [0, 1, 6, 7, 8]) {
      const stored = await store.getEvent({
        provider: 'acme',
        id: results[index]!.id,
      });
      expect(stored?.state).toBe('processing');
      expect(stored?.lastError).toBeUndefined();
    }
    // The same burst again: every delivery is now a duplicate of its event
    // (the content key A repeats the latest event of its subject, A.2).
    const again = await Promise.all(entries.map(item => store.claim(item)));
    expect(again.map(result => result.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'claimed',
      'claimed',
      'duplicate',
      'duplicate',
    ]);
    // B after A.2 is new (B.2), and A after it new again (A.3).
    expect(again[6]!.id).toBe('k_b.2');
    expect(again[7]!.id).toBe('k_a.3');
  });

  it('settles a claim only once its event is visible to another connection', async () => {
    const { stores } = await setup({}, 2);
    const [writer, reader] = stores as [
      DurableWebhookStore,
      DurableWebhookStore,
    ];
    const events: AnyWebhookEventV1[] = Array.from({ length: 30 }, (_, index) =>
      makeEvent({ id: `evt_seen_${index}` }),
    );
    const seen = await Promise.all(
      events.map(async event => {
        const result = await writer.claim(entry(event));
        expect(result.status).toBe('claimed');
        const stored = await reader.getEvent(key(event));
        return stored?.state;
      }),
    );
    expect(seen).toEqual(events.map(() => 'processing'));
  });

  it('keeps one row per event under a burst of distinct deliveries and their copies', async () => {
    const store = await one();
    const events = Array.from({ length: 150 }, (_, index) =>
      makeEvent({ id: `evt_burst_${index}` }),
    );
    const results = await Promise.all(
      events.flatMap(event => [
        store.claim(entry(event)),
        store.claim(entry(event)),
      ]),
    );
    for (let index = 0; index < events.length; index++) {
      expect([
        results[2 * index]!.status,
        results[2 * index + 1]!.status,
      ]).toEqual(['claimed', 'duplicate']);
    }
    expect(await store.counts()).toEqual([
      { provider: 'acme', state: 'processing', count: 150 },
    ]);
  });

  it('applies completions and failures of one batch each with its own lease', async () => {
    const store = await one();
    const [done, failed, stale, quarantined] = [
      makeEvent({ id: 'evt_done' }),
      makeEvent({ id: 'evt_failed' }),
      makeEvent({ id: 'evt_stale' }),
      makeEvent({ id: 'evt_q', data: nested(200_000) }),
    ];
    await Promise.all(
      [done, failed, stale, quarantined].map(event =>
        store.claim(entry(event!)),
      ),
    );
    await Promise.all([
      store.complete(key(done!)),
      store.fail(key(failed!), new Error('handler broke')),
      // A lease this event never had: fenced out.
      store.complete(key(stale!), { lease: 99 }),
      store.fail(key(quarantined!), new Error('onInvalid broke')),
      // Unknown events change nothing and fail nothing.
      store.complete({ provider: 'acme', id: 'evt_missing' }),
      store.fail({ provider: 'acme', id: 'evt_missing' }, 'x'),
    ]);
    expect((await store.getEvent(key(done!)))?.state).toBe('processed');
    expect(await store.getEvent(key(failed!))).toMatchObject({
      state: 'pending',
      lastError: 'handler broke',
    });
    expect((await store.getEvent(key(stale!)))?.state).toBe('processing');
    expect(await store.getEvent(key(quarantined!))).toMatchObject({
      state: 'quarantined',
      lastError: 'onInvalid broke',
    });
  });
}
