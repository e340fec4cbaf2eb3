import { describe, expect, it } from 'vitest';
import type {
  WebhookEventV1,
  WebhookSubjectV1,
} from '../envelope/v1/webhook-event-v1';
import type { WebhookIdentityV1 } from '../envelope/v1/webhook-trust-v1';
import { createMemoryStore } from './memory-store';

const delivery = {
  method: 'POST',
  url: 'https://x.test',
  headers: {},
  body: new Uint8Array(),
};

function entryOf(
  identity: WebhookIdentityV1,
  {
    provider = 'p',
    subject,
  }: { provider?: string; subject?: WebhookSubjectV1 } = {},
) {
  const event = {
    provider,
    id: identity.key,
    identity,
    nativeType: 'STATUS',
    ...(subject === undefined ? {} : { subject }),
  } as WebhookEventV1;
  return { event, delivery };
}

const entry = (id: string, provider = 'p') =>
  entryOf({ source: 'provider_id', key: id }, { provider });
const content = (key: string, windowMs = 1000) =>
  entryOf(
    { source: 'content', key, windowMs },
    { subject: { type: 'customer', id: 'cus_1' } },
  );

describe('createMemoryStore', () => {
  it('should claim, report in-progress, then duplicate once completed', async () => {
    const store = createMemoryStore();
    expect(await store.claim(entry('a'))).toEqual({
      status: 'claimed',
      id: 'a',
    });
    expect((await store.claim(entry('a'))).status).toBe('in_progress');
    await store.complete({ provider: 'p', id: 'a' });
    expect(await store.claim(entry('a'))).toEqual({
      status: 'duplicate',
      id: 'a',
    });
    expect((await store.claim(entry('a', 'q'))).status).toBe('claimed');
  });

  it('should release a failed claim so a retry runs again', async () => {
    const store = createMemoryStore();
    await store.claim(entry('a'));
    await store.fail({ provider: 'p', id: 'a' }, new Error('x'));
    expect((await store.claim(entry('a'))).status).toBe('claimed');
  });

  it('should expire leases and remembered ids', async () => {
    let now = 0;
    const store = createMemoryStore({
      leaseMs: 10,
      ttlMs: 100,
      now: () => now,
    });
    await store.claim(entry('a'));
    now = 11;
    expect((await store.claim(entry('a'))).status).toBe('claimed'); // the worker died
    await store.complete({ provider: 'p', id: 'a' });
    now = 110;
    expect((await store.claim(entry('a'))).status).toBe('duplicate');
    now = 112;
    expect((await store.claim(entry('a'))).status).toBe('claimed');
  });

  it('should stay bounded, evicting the least recently used', async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) {
      await store.claim(entry(id));
      await store.complete({ provider: 'p', id });
    }
    expect((await store.claim(entry('a'))).status).toBe('duplicate'); // touch a
    await store.claim(entry('d'));
    expect(store.size).toBe(3);
    expect((await store.claim(entry('a'))).status).toBe('duplicate');
    expect((await store.claim(entry('b'))).status).toBe('claimed'); // b was evicted
  });
});

describe('createMemoryStore identity rules', () => {
  async function claimAndComplete(
    store: ReturnType<typeof createMemoryStore>,
    claim: ReturnType<typeof content>,
  ) {
    const result = await store.claim(claim);
    if (result.status === 'claimed')
      await store.complete({ provider: 'p', id: result.id });
    return result;
  }

  it('should treat a content retry as one event', async () => {
    const store = createMemoryStore();
    expect(await claimAndComplete(store, content('A'))).toEqual({
      status: 'claimed',
      id: 'A',
    });
    expect(await claimAndComplete(store, content('A'))).toEqual({
      status: 'duplicate',
      id: 'A',
    });
  });

  it('should keep A, B, A for one subject as three events with unique ids', async () => {
    const store = createMemoryStore();
    const ids = [];
    for (const key of ['A', 'B', 'A']) {
      const result = await claimAndComplete(store, content(key));
      expect(result.status).toBe('claimed');
      ids.push(result.id);
    }
    expect(ids).toEqual(['A', 'B', 'A.2']);
    // A retry of the latest A is still a duplicate of it.
    expect(await claimAndComplete(store, content('A'))).toEqual({
      status: 'duplicate',
      id: 'A.2',
    });
  });

  it('should make identical content a new event after the window', async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    await claimAndComplete(store, content('A', 1000));
    now = 1000;
    expect((await claimAndComplete(store, content('A', 1000))).status).toBe(
      'duplicate',
    );
    now = 1001;
    expect(await claimAndComplete(store, content('A', 1000))).toEqual({
      status: 'claimed',
      id: 'A.2',
    });
  });

  it('should compare content only within its subject', async () => {
    const store = createMemoryStore();
    const other = entryOf(
      { source: 'content', key: 'A', windowMs: 1000 },
      { subject: { type: 'customer', id: 'cus_2' } },
    );
    await claimAndComplete(store, content('A'));
    expect(await claimAndComplete(store, other)).toEqual({
      status: 'claimed',
      id: 'A.2',
    });
  });

  it('should keep a provider id a duplicate whatever came in between', async () => {
    const store = createMemoryStore();
    await store.claim(entry('evt_1'));
    await store.complete({ provider: 'p', id: 'evt_1' });
    await store.claim(entry('evt_2'));
    await store.complete({ provider: 'p', id: 'evt_2' });
    expect((await store.claim(entry('evt_1'))).status).toBe('duplicate');
  });
});
