import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error';
import { makeEvent } from '../testing/durable-store-contract/context';
import { decodeStoreCursor } from './store-cursor';
import {
  isRejectedData,
  rejectedEvent,
  STORE_REJECTED,
  type RejectingDatabase,
} from './rejected-event';
import { resolveDurableStoreOptions } from './store-options';
import { storedBytes } from './stored-bytes';
import {
  assertSameEvent,
  purgeCutoffMs,
  toEventsPage,
  type StoredEventRow,
} from './stored-rows';

const database: RejectingDatabase = {
  name: 'TestDB',
  codeLabel: 'CODE ',
  refusesData: code => code === 'TOO_BIG',
};

function row(id: string, receivedAt: number): StoredEventRow {
  return {
    provider: 'acme',
    id,
    state: 'pending',
    attempts: 1,
    lease: 2,
    last_error: null,
    next_attempt_at: receivedAt + 1000,
    received_at: receivedAt,
    event: JSON.stringify(makeEvent({ id })),
    method: 'POST',
    url: 'https://x/',
    headers: '{"a":"b"}',
    body: new Uint8Array([1, 2]),
  };
}

describe('store kit', () => {
  it('should map rows to a page with a cursor after the last row shown', () => {
    const page = toEventsPage([row('b', 2000), row('a', 1000)], 1);
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({
      id: 'b',
      lease: 2,
      nextAttemptAt: new Date(3000).toISOString(),
      delivery: { method: 'POST', headers: { a: 'b' } },
    });
    expect(page.events[0]).not.toHaveProperty('lastError');
    expect(decodeStoreCursor(page.nextCursor!)).toEqual({
      receivedAtMs: 2000,
      provider: 'acme',
      id: 'b',
    });
    const last = toEventsPage([row('a', 1000)], 1);
    expect(last.nextCursor).toBeNull();
    const bare = toEventsPage(
      [
        {
          ...row('a', 1000),
          method: null,
          url: null,
          headers: null,
          body: null,
        },
      ],
      1,
    ).events[0]!;
    expect(bare.delivery).toEqual({
      method: '',
      url: '',
      headers: {},
      body: new Uint8Array(0),
    });
  });

  it('should copy stored bytes and read the hex text form of a bytea', () => {
    const source = new Uint8Array([9, 8, 7, 6]).subarray(1, 3);
    const copy = storedBytes(source);
    expect(copy).toEqual(new Uint8Array([8, 7]));
    expect(copy.buffer).not.toBe(source.buffer);
    expect(storedBytes('\\x00ff10')).toEqual(new Uint8Array([0, 255, 16]));
    expect(storedBytes('0aZZ')).toEqual(new Uint8Array([10]));
    expect(storedBytes(null)).toEqual(new Uint8Array(0));
  });

  it('should apply option defaults and refuse what is not a positive integer', () => {
    const resolved = resolveDurableStoreOptions('createTestStore', {});
    expect(resolved).toMatchObject({ maxAttempts: 10, leaseMs: 300_000 });
    expect(resolved.now).toBe(Date.now);
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() =>
        resolveDurableStoreOptions('createTestStore', { maxAttempts: bad }),
      ).toThrow(ConfigurationError);
    }
    expect(() =>
      resolveDurableStoreOptions('createTestStore', { leaseMs: 0 }),
    ).toThrow(/createTestStore: leaseMs must be a positive integer, got 0/);
  });

  it('should quarantine data the database refuses, with the reason', () => {
    const tooBig = Object.assign(new Error('row too big'), { code: 'TOO_BIG' });
    const lost = Object.assign(new Error('gone'), { code: 'LOST' });
    expect(isRejectedData(tooBig, database)).toBe(true);
    expect(isRejectedData(new RangeError('deep'), database)).toBe(true);
    expect(isRejectedData(lost, database)).toBe(false);
    expect(isRejectedData(null, database)).toBe(false);
    const event = rejectedEvent(makeEvent({ id: 'e' }), tooBig, database);
    expect(event.data).toBeNull();
    expect(event.issues).toEqual([
      {
        path: [],
        code: STORE_REJECTED,
        message: expect.stringContaining(
          'TestDB refused the data (CODE TOO_BIG: row too big)',
        ),
      },
    ]);
    const long = rejectedEvent(
      event,
      new RangeError('x'.repeat(500)),
      database,
    );
    expect(long.issues).toHaveLength(2);
    expect(long.issues[1]!.message.length).toBeLessThan(450);
  });

  it('should refuse a replacement event of another identity and an invalid cutoff', () => {
    const event = makeEvent({ id: 'e' });
    expect(() =>
      assertSameEvent(
        'replaceQuarantined',
        { provider: 'acme', id: 'e' },
        event,
      ),
    ).not.toThrow();
    expect(() =>
      assertSameEvent('rewriteEvent', { provider: 'acme', id: 'f' }, event),
    ).toThrow(/rewriteEvent: the new event is acme\/e, not acme\/f/);
    expect(purgeCutoffMs(new Date(5))).toBe(5);
    expect(() => purgeCutoffMs(new Date(Number.NaN))).toThrow(TypeError);
  });
});
