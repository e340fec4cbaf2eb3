// Retention: purgeProcessed deletes processed events (with their raw
// deliveries) received before a cutoff, and never anything that is still
// to be processed, inspected or replayed.
import { expect, it } from 'vitest';
import {
  type ContractContext,
  START,
  LEASE_MS,
  entry,
  key,
  makeEvent,
  makeInvalid,
} from './context';

const DAY = 24 * 3600 * 1000;

export function registerRetentionTests(ctx: ContractContext): void {
  const { one } = ctx;

  it('purges processed events received before the cutoff, and never pending, processing, quarantined or failed ones', async () => {
    const store = await one({ maxAttempts: 2 });
    const at = (ms: number) => new Date(ms).toISOString();
    // Dead letter: two failed runs.
    const failed = makeEvent({ id: 'failed' });
    await store.claim(entry(failed));
    await store.fail(key(failed), new Error('first'));
    ctx.clock += 1000;
    const [leased] = await store.leaseDue({ limit: 10, leaseMs: LEASE_MS });
    expect(leased?.id).toBe('failed');
    await store.fail(key(failed), new Error('second'), {
      lease: leased!.lease,
    });
    expect((await store.getEvent(key(failed)))?.state).toBe('failed');

    const pending = makeEvent({ id: 'pending' });
    await store.claim(entry(pending));
    await store.fail(key(pending), new Error('later'));
    const processing = makeEvent({ id: 'processing' });
    await store.claim(entry(processing));
    const quarantined = makeInvalid({ id: 'quarantined' });
    await store.claim(entry(quarantined));
    const old = [makeEvent({ id: 'old_1' }), makeEvent({ id: 'old_2' })];
    const atCutoff = makeEvent({
      id: 'at_cutoff',
      receivedAt: at(START + DAY),
    });
    const recent = makeEvent({ id: 'recent', receivedAt: at(START + 2 * DAY) });
    for (const event of [...old, atCutoff, recent]) {
      await store.claim(entry(event));
      await store.complete(key(event));
    }

    ctx.clock = START + 3 * DAY;
    expect(await store.purgeProcessed({ before: new Date(START + DAY) })).toBe(
      2,
    );
    for (const event of old)
      expect(await store.getEvent(key(event)), event.id).toBeUndefined();
    for (const event of [
      failed,
      pending,
      processing,
      quarantined,
      atCutoff,
      recent,
    ])
      expect(await store.getEvent(key(event)), event.id).toBeDefined();
    expect((await store.listEvents()).events).toHaveLength(6);
    expect(await store.counts()).toEqual(
      expect.arrayContaining([
        { provider: 'acme', state: 'failed', count: 1 },
        { provider: 'acme', state: 'pending', count: 1 },
        { provider: 'acme', state: 'processing', count: 1 },
        { provider: 'acme', state: 'quarantined', count: 1 },
        { provider: 'acme', state: 'processed', count: 2 },
      ]),
    );
    // Idempotent; a later cutoff takes the rest of the processed events only.
    expect(await store.purgeProcessed({ before: new Date(START + DAY) })).toBe(
      0,
    );
    expect(
      await store.purgeProcessed({ before: new Date(START + 10 * DAY) }),
    ).toBe(2);
    expect((await store.listEvents()).events.map(row => row.id).sort()).toEqual(
      ['failed', 'pending', 'processing', 'quarantined'],
    );
    // The raw deliveries of what is kept are intact.
    expect((await store.getEvent(key(quarantined)))?.delivery).toEqual(
      entry(quarantined).delivery,
    );
    // What retention deleted is forgotten: a late redelivery is new.
    expect(await store.claim(entry(old[0]!))).toEqual({
      status: 'claimed',
      id: 'old_1',
    });
  });
}
