import { describe, expect, it } from 'vitest';
import type { WebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import { createMemoryStore } from './memory-store';

const entry = (id: string) => ({
  event: { provider: 'p', id } as WebhookEventV1,
  delivery: {
    method: 'POST',
    url: 'https://x.test',
    headers: {},
    body: new Uint8Array(),
  },
});

describe('createMemoryStore', () => {
  it('should claim, report in-progress, then duplicate once completed', async () => {
    const store = createMemoryStore();
    expect(await store.claim(entry('a'))).toBe('claimed');
    expect(await store.claim(entry('a'))).toBe('in_progress');
    await store.complete({ provider: 'p', id: 'a' });
    expect(await store.claim(entry('a'))).toBe('duplicate');
    expect(
      await store.claim({
        ...entry('a'),
        event: { provider: 'q', id: 'a' } as WebhookEventV1,
      }),
    ).toBe('claimed');
  });

  it('should release a failed claim so a retry runs again', async () => {
    const store = createMemoryStore();
    await store.claim(entry('a'));
    await store.fail({ provider: 'p', id: 'a' }, new Error('x'));
    expect(await store.claim(entry('a'))).toBe('claimed');
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
    expect(await store.claim(entry('a'))).toBe('claimed'); // the worker died
    await store.complete({ provider: 'p', id: 'a' });
    now = 110;
    expect(await store.claim(entry('a'))).toBe('duplicate');
    now = 112;
    expect(await store.claim(entry('a'))).toBe('claimed');
  });

  it('should stay bounded, evicting the least recently used', async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) {
      await store.claim(entry(id));
      await store.complete({ provider: 'p', id });
    }
    expect(await store.claim(entry('a'))).toBe('duplicate'); // touch a
    await store.claim(entry('d'));
    expect(store.size).toBe(3);
    expect(await store.claim(entry('a'))).toBe('duplicate');
    expect(await store.claim(entry('b'))).toBe('claimed'); // b was evicted
  });
});
