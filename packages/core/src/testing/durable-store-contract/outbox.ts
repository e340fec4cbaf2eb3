// The transactional outbox (OutboxStore), for stores that implement it:
// committed events are handed to a relay with a per-row lease, in commit
// order, never twice at once, quarantined ones only after a replay, and
// retention never deletes what is not published yet.
import { expect, it } from 'vitest';
import type { DurableWebhookStore } from '../../store/durable-webhook-store';
import { isOutboxStore, type OutboxStore } from '../../store/outbox';
import {
  type ContractContext,
  START,
  entry,
  key,
  makeEvent,
  makeInvalid,
} from './context';

const LEASE = 10_000;
const DAY = 24 * 3600 * 1000;

type OutboxTestStore = DurableWebhookStore & OutboxStore;

export function registerOutboxTests(ctx: ContractContext): void {
  /** An outbox store, or skips the test for a store without an outbox. */
  async function outboxStores(
    count: number,
    skip: (note?: string) => void,
  ): Promise<OutboxTestStore[]> {
    const { stores } = await ctx.setup({}, count);
    if (!stores.every(store => isOutboxStore(store))) {
      skip('the store has no outbox');
      return [];
    }
    return stores as OutboxTestStore[];
  }

  it('outbox: records events committed after enableOutbox, hands them out in commit order with a lease, and never again once published', async ({
    skip,
  }) => {
    const [store] = await outboxStores(1, skip);
    const before = makeEvent({ id: 'before' });
    await store!.claim(entry(before));
    await store!.enableOutbox();
    await store!.enableOutbox();
    expect(await store!.outboxLag()).toEqual({ events: 0 });

    const events = ['e1', 'e2', 'e3'].map((id, index) =>
      makeEvent({
        id,
        subject: { type: 'payment', id: `pay_${index % 2}` },
        receivedAt: new Date(START + index * 1000).toISOString(),
      }),
    );
    for (const event of events) await store!.claim(entry(event));
    // A duplicate delivery records nothing more.
    expect((await store!.claim(entry(events[0]!))).status).toBe('duplicate');
    expect(await store!.outboxLag()).toEqual({
      events: 3,
      oldestReceivedAt: new Date(START).toISOString(),
    });
    expect(await store!.publishedSequence(key(events[0]!))).toBeNull();
    expect(await store!.publishedSequence(key(before))).toBeUndefined();

    const taken = await store!.takeUnpublished({ limit: 2, leaseMs: LEASE });
    expect(taken.map(row => row.id)).toEqual(['e1', 'e2']);
    expect(taken[0]).toMatchObject({
      provider: 'acme',
      id: 'e1',
      takes: 1,
      firstTakenAt: START,
      event: events[0],
    });
    expect(taken[0]!.position).toBeLessThan(taken[1]!.position);
    // Leased: the next take gets only the rest.
    const rest = await store!.takeUnpublished({ limit: 10, leaseMs: LEASE });
    expect(rest.map(row => row.id)).toEqual(['e3']);
    expect(await store!.takeUnpublished({ limit: 10, leaseMs: LEASE })).toEqual(
      [],
    );

    await store!.markPublished([
      { provider: 'acme', id: 'e1', sequence: 7 },
      { provider: 'acme', id: 'e3', sequence: 8 },
      { provider: 'acme', id: 'unknown', sequence: 9 },
    ]);
    expect(await store!.publishedSequence(key(events[0]!))).toBe(7);
    expect(await store!.outboxLag()).toEqual({
      events: 1,
      oldestReceivedAt: new Date(START + 1000).toISOString(),
    });
    // The lease of e2 expires: it is taken again, with its first take time.
    ctx.clock += LEASE + 1;
    const again = await store!.takeUnpublished({ limit: 10, leaseMs: LEASE });
    expect(again.map(row => [row.id, row.takes, row.firstTakenAt])).toEqual([
      ['e2', 2, START],
    ]);
    // Marking twice is harmless and keeps the first sequence.
    await store!.markPublished([{ provider: 'acme', id: 'e2', sequence: 10 }]);
    await store!.markPublished([{ provider: 'acme', id: 'e2', sequence: 11 }]);
    expect(await store!.publishedSequence(key(events[1]!))).toBe(10);
    ctx.clock += 10 * LEASE;
    expect(await store!.takeUnpublished({ limit: 10, leaseMs: LEASE })).toEqual(
      [],
    );
    expect(await store!.outboxLag()).toEqual({ events: 0 });
  });

  it('outbox: a released event is taken again at once', async ({ skip }) => {
    const [store] = await outboxStores(1, skip);
    await store!.enableOutbox();
    const event = makeEvent({ id: 'e1' });
    await store!.claim(entry(event));
    const [taken] = await store!.takeUnpublished({ limit: 1, leaseMs: LEASE });
    expect(taken?.id).toBe('e1');
    await store!.releaseUnpublished([key(event)]);
    ctx.clock += 1;
    const [again] = await store!.takeUnpublished({ limit: 1, leaseMs: LEASE });
    expect(again).toMatchObject({ id: 'e1', takes: 2, firstTakenAt: START });
  });

  it('outbox: quarantined events are handed out only after a successful replay', async ({
    skip,
  }) => {
    const [store] = await outboxStores(1, skip);
    await store!.enableOutbox();
    const invalid = makeInvalid({ id: 'bad' });
    await store!.claim(entry(invalid));
    expect(await store!.outboxLag()).toEqual({ events: 0 });
    expect(await store!.takeUnpublished({ limit: 10, leaseMs: LEASE })).toEqual(
      [],
    );
    // A replay that is still invalid keeps it out.
    await store!.replaceQuarantined(
      key(invalid),
      makeInvalid({ id: 'bad', type: 'acme.still_unknown' }),
    );
    expect(await store!.takeUnpublished({ limit: 10, leaseMs: LEASE })).toEqual(
      [],
    );
    const fixed = makeEvent({ id: 'bad', type: 'payment.status_changed' });
    await store!.replaceQuarantined(key(invalid), fixed);
    const taken = await store!.takeUnpublished({ limit: 10, leaseMs: LEASE });
    expect(taken.map(row => [row.id, row.event.type])).toEqual([
      ['bad', 'payment.status_changed'],
    ]);
  });

  it('outbox: two relays on one database never hold the same event', async ({
    skip,
  }) => {
    const [a, b] = await outboxStores(2, skip);
    await a!.enableOutbox();
    const ids = Array.from({ length: 40 }, (_, index) => `e${index}`);
    for (const id of ids) await a!.claim(entry(makeEvent({ id })));
    const seen: string[] = [];
    const drain = async (store: OutboxTestStore) => {
      for (;;) {
        const batch = await store.takeUnpublished({ limit: 3, leaseMs: LEASE });
        if (batch.length === 0) return;
        seen.push(...batch.map(row => row.id));
        await store.markPublished(
          batch.map(row => ({
            provider: row.provider,
            id: row.id,
            sequence: row.position,
          })),
        );
      }
    };
    await Promise.all([drain(a!), drain(b!), drain(a!), drain(b!)]);
    expect(seen.slice().sort()).toEqual(ids.slice().sort());
    expect(new Set(seen).size).toBe(ids.length);
    expect(await b!.outboxLag()).toEqual({ events: 0 });
  });

  it('outbox: retention never deletes an unpublished event, and erasure deletes the outbox record', async ({
    skip,
  }) => {
    const [store] = await outboxStores(1, skip);
    await store!.enableOutbox();
    const published = makeEvent({ id: 'published' });
    const unpublished = makeEvent({ id: 'unpublished' });
    for (const event of [published, unpublished]) {
      await store!.claim(entry(event));
      await store!.complete(key(event));
    }
    await store!.markPublished([
      { provider: 'acme', id: 'published', sequence: 1 },
    ]);
    ctx.clock = START + 3 * DAY;
    expect(
      await store!.purgeProcessed({ before: new Date(START + 2 * DAY) }),
    ).toBe(1);
    expect(await store!.getEvent(key(published))).toBeUndefined();
    expect(await store!.getEvent(key(unpublished))).toBeDefined();
    expect((await store!.outboxLag()).events).toBe(1);

    // Erasure wins over the outbox: the event is gone and never relayed.
    expect(
      await store!.deleteBySubject({
        provider: 'acme',
        subjectType: 'payment',
        subjectId: 'pay_1',
      }),
    ).toBe(1);
    expect(await store!.publishedSequence(key(unpublished))).toBeUndefined();
    expect(await store!.outboxLag()).toEqual({ events: 0 });
    expect(await store!.takeUnpublished({ limit: 10, leaseMs: LEASE })).toEqual(
      [],
    );
  });
}
