// Authentic payloads a database cannot take as is (a NUL character, JSON
// nested thousands of levels deep, values over an index's size limit) are
// stored exactly, in a safe encoding, or kept in quarantine with the
// reason: never a failure on every retry.
import { expect, it } from 'vitest';
import type { AnyWebhookEventV1 } from '../../envelope/v1/webhook-event-v1';
import type { StoredWebhookEvent } from '../../store/durable-webhook-store';
import {
  type ContractContext,
  entry,
  makeContentEvent,
  makeEvent,
  sameBytes,
} from './context';

/** Deterministic, incompressible-looking text of `length` characters. */
function noise(length: number, seed = 1): string {
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += state.toString(36);
  }
  return text.slice(0, length);
}

/** JSON nested `depth` arrays deep around `1`. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/**
 * Kept exactly, or quarantined with a `store_rejected` issue and `data:
 * null`; the raw body is always kept.
 */
function expectKept(
  stored: StoredWebhookEvent | undefined,
  event: AnyWebhookEventV1,
  id: string,
  body: Uint8Array,
): void {
  expect(stored).toBeDefined();
  expect(stored!.id).toBe(id);
  expect(stored!.event.id).toBe(id);
  expect(sameBytes(stored!.delivery.body, body)).toBe(true);
  if (stored!.state === 'quarantined' && !('issues' in event)) {
    expect(stored!.event.data).toBeNull();
    expect('issues' in stored!.event && stored!.event.issues).toEqual([
      { path: [], code: 'store_rejected', message: expect.any(String) },
    ]);
    expect(stored!.event.identity).toEqual(event.identity);
  } else {
    expect(JSON.stringify(stored!.event)).toBe(
      JSON.stringify({ ...event, id }),
    );
  }
}

export function registerRejectedDataTests(ctx: ContractContext): void {
  const { one } = ctx;

  it('keeps an event with NUL characters in its key, type, subject, status and data, and dedups its retries', async () => {
    const store = await one();
    const event = makeEvent({
      id: 'evt_\u0000nul',
      nativeType: 'PAYMENT\u0000UPDATED',
      subject: { type: 'payment', id: 'pay_\u0000x' },
      status: 'CAPTURED\u0000',
      data: { note: 'a\u0000b', ['k\u0000']: ['\u0000'] },
      delivery: { headers: { 'x-acme-entity': 'e\u0000' } },
    });
    const body = new TextEncoder().encode('{"note":"a\\u0000b"}');
    const first = await store.claim(entry(event, body));
    expect(first.status).toBe('claimed');
    expect(await store.claim(entry(event, body))).toEqual({
      status: 'duplicate',
      id: first.id,
    });
    const stored = await store.getEvent({ provider: 'acme', id: first.id });
    // Nothing here is beyond a database's safe encodings: kept as is.
    expect(stored?.state).toBe('processing');
    expectKept(stored, event, first.id, body);
    expect(stored?.event.identity.key).toBe('evt_\u0000nul');
    expect(
      (
        await store.latestBySubject({
          provider: 'acme',
          subjectType: 'payment',
          subjectId: 'pay_\u0000x',
        })
      )?.id,
    ).toBe(first.id);
    expect((await store.listEvents()).events).toHaveLength(1);

    // A content key with a NUL repeats within its window too.
    const content = makeContentEvent('c\u0000key', ctx.clock, {
      data: { text: '\u0000' },
    });
    const claimed = await store.claim(entry(content));
    expect(claimed.status).toBe('claimed');
    expect(await store.claim(entry(content))).toEqual({
      status: 'duplicate',
      id: claimed.id,
    });
  });

  it('keeps JSON nested a few thousand levels deep, exactly or in quarantine', async () => {
    const store = await one();
    const body = new TextEncoder().encode(
      `${'['.repeat(3000)}1${']'.repeat(3000)}`,
    );
    const event = makeEvent({ id: 'evt_deep', data: nested(3000) });
    const first = await store.claim(entry(event, body));
    expect(first).toEqual({ status: 'claimed', id: 'evt_deep' });
    expect(await store.claim(entry(event, body))).toEqual({
      status: 'duplicate',
      id: 'evt_deep',
    });
    expectKept(
      await store.getEvent({ provider: 'acme', id: 'evt_deep' }),
      event,
      'evt_deep',
      body,
    );
  });

  it('quarantines JSON nested too deep to serialize, with the reason and the raw body, and dedups its retries', async () => {
    const store = await one();
    const depth = 200_000;
    const body = new TextEncoder().encode(
      `${'['.repeat(depth)}1${']'.repeat(depth)}`,
    );
    const event = makeContentEvent('k_deep', ctx.clock, {
      data: nested(depth),
    });
    const first = await store.claim(entry(event, body));
    expect(first).toEqual({ status: 'claimed', id: 'k_deep' });
    expect(await store.claim(entry(event, body))).toEqual({
      status: 'duplicate',
      id: 'k_deep',
    });
    const stored = await store.getEvent({ provider: 'acme', id: 'k_deep' });
    expect(stored).toMatchObject({ state: 'quarantined', attempts: 0 });
    expectKept(stored, event, 'k_deep', body);
    const issue = (stored!.event as { issues: { message: string }[] })
      .issues[0]!;
    expect(issue.message).toMatch(/serializ|deep|stack/i);
    // Quarantined, so the retry worker leaves it for a replay.
    ctx.clock += 24 * 3600 * 1000;
    expect(await store.leaseDue({ limit: 10, leaseMs: 1000 })).toEqual([]);
    expect(await store.counts()).toEqual([
      { provider: 'acme', state: 'quarantined', count: 1 },
    ]);
  });

  it('keeps values longer than an index entry (a huge key and subject id), exactly or in quarantine', async () => {
    const store = await one();
    const longKey = `evt_${noise(6000)}`;
    const event = makeEvent({
      id: longKey,
      subject: { type: 'payment', id: noise(12_000, 7) },
      status: noise(9000, 3),
    });
    const body = new TextEncoder().encode(JSON.stringify({ id: longKey }));
    const first = await store.claim(entry(event, body));
    expect(first.status).toBe('claimed');
    expect(await store.claim(entry(event, body))).toEqual({
      status: 'duplicate',
      id: first.id,
    });
    expectKept(
      await store.getEvent({ provider: 'acme', id: first.id }),
      event,
      first.id,
      body,
    );
    expect(await store.counts()).toHaveLength(1);
  });

  it('still fails a claim for a store failure that is not about the data', async () => {
    const store = await one();
    await store.close();
    await expect(
      store.claim(entry(makeEvent({ id: 'evt_closed' }))),
    ).rejects.toThrow();
  });
}
