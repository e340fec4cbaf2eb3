// The console's per-minute delivery counters, its refused-deliveries ring
// buffer and the feed that fills both from webhook answers.
import {
  AuthenticationError,
  InvalidJsonError,
  RouteNotFoundError,
  SignatureVerificationError,
  TimestampOutOfToleranceError,
} from '@finhooks/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createDeliveryFeed,
  outcomeOf,
  type DeliveriesMessage,
  type RefusedMessage,
} from '../src/delivery-feed';
import { createDeliveryStats, MINUTE_MS } from '../src/delivery-stats';
import {
  createRefusedDeliveries,
  MAX_PATH_CHARS,
  MAX_REASON_CHARS,
  summarizeRefusal,
} from '../src/refused-deliveries';

const T0 = Date.UTC(2025, 0, 1, 10, 0, 0);

describe('delivery stats', () => {
  it('should count per minute, provider and outcome', () => {
    const stats = createDeliveryStats();
    stats.record('redpin', 'accepted', T0 + 1_000);
    stats.record('redpin', 'accepted', T0 + 59_999);
    stats.record('redpin', 'refused', T0 + 2_000);
    stats.record('solaris', 'duplicate', T0 + MINUTE_MS);
    const snapshot = stats.snapshot({ now: T0 + MINUTE_MS + 5 });
    expect(snapshot.providers).toEqual(['redpin', 'solaris']);
    expect(snapshot.minutes).toEqual([
      {
        minute: T0,
        providers: {
          redpin: {
            accepted: 2,
            duplicate: 0,
            invalid: 0,
            refused: 1,
            failed: 0,
          },
        },
      },
      {
        minute: T0 + MINUTE_MS,
        providers: {
          solaris: {
            accepted: 0,
            duplicate: 1,
            invalid: 0,
            refused: 0,
            failed: 0,
          },
        },
      },
    ]);
  });

  it('should filter by provider', () => {
    const stats = createDeliveryStats();
    stats.record('redpin', 'accepted', T0);
    stats.record('solaris', 'invalid', T0);
    const snapshot = stats.snapshot({ now: T0, provider: 'solaris' });
    expect(snapshot.minutes).toHaveLength(1);
    expect(Object.keys(snapshot.minutes[0]!.providers)).toEqual(['solaris']);
    expect(stats.snapshot({ now: T0, provider: 'tradevest' }).minutes).toEqual(
      [],
    );
  });

  it('should keep the last hour only, in a fixed number of slots', () => {
    const stats = createDeliveryStats();
    for (let minute = 0; minute < 180; minute++) {
      stats.record('redpin', 'accepted', T0 + minute * MINUTE_MS);
    }
    const now = T0 + 179 * MINUTE_MS;
    const { minutes } = stats.snapshot({ now });
    expect(minutes).toHaveLength(60);
    expect(minutes[0]!.minute).toBe(T0 + 120 * MINUTE_MS);
    expect(minutes.at(-1)!.minute).toBe(now);
    // Each reused slot starts again from zero.
    expect(minutes.every(m => m.providers.redpin!.accepted === 1)).toBe(true);
    // An hour later without traffic, nothing is left.
    expect(stats.snapshot({ now: now + 60 * MINUTE_MS }).minutes).toEqual([]);
  });

  it('should drop a record for a minute whose slot was reused', () => {
    const stats = createDeliveryStats();
    stats.record('redpin', 'accepted', T0 + 60 * MINUTE_MS);
    stats.record('redpin', 'accepted', T0);
    const { minutes } = stats.snapshot({ now: T0 + 60 * MINUTE_MS });
    expect(minutes).toHaveLength(1);
    expect(minutes[0]!.minute).toBe(T0 + 60 * MINUTE_MS);
  });

  it('should bound the providers per minute', () => {
    const stats = createDeliveryStats({ maxProviders: 2 });
    for (const provider of ['a', 'b', 'c', 'd']) {
      stats.record(provider, 'refused', T0);
    }
    const [minute] = stats.snapshot({ now: T0 }).minutes;
    expect(Object.keys(minute!.providers).sort()).toEqual(['a', 'b', 'other']);
    expect(minute!.providers.other!.refused).toBe(2);
  });

  it('should give the counts of the minutes asked for', () => {
    const stats = createDeliveryStats();
    stats.record('redpin', 'failed', T0);
    expect(stats.minutes([T0, T0, T0 - MINUTE_MS], T0)).toEqual([
      {
        minute: T0,
        providers: {
          redpin: {
            accepted: 0,
            duplicate: 0,
            invalid: 0,
            refused: 0,
            failed: 1,
          },
        },
      },
    ]);
  });
});

describe('refused deliveries', () => {
  const refusal = (n: number) => ({
    provider: 'redpin',
    method: 'POST',
    path: `/webhooks/redpin/${n}`,
    status: 401,
    error: new AuthenticationError({
      provider: 'redpin',
      method: 'static_header',
      message: 'The "x-api-key" header has the wrong value.',
    }),
    at: T0 + n,
  });

  it('should keep the newest entries of a bounded ring', () => {
    const refused = createRefusedDeliveries({ capacity: 3 });
    for (let n = 1; n <= 5; n++) refused.add(refusal(n));
    expect(refused.total).toBe(5);
    expect(refused.list().map(entry => entry.seq)).toEqual([5, 4, 3]);
    expect(refused.list({ limit: 2 }).map(entry => entry.seq)).toEqual([5, 4]);
    expect(refused.list({ afterSeq: 4 }).map(entry => entry.seq)).toEqual([5]);
    expect(refused.list({ afterSeq: 5 })).toEqual([]);
    expect(refused.list()[0]).toMatchObject({
      provider: 'redpin',
      method: 'POST',
      path: '/webhooks/redpin/5',
      status: 401,
      code: 'authentication_failed',
      summary: 'Redpin credential missing or wrong',
      message: 'The "x-api-key" header has the wrong value.',
      at: new Date(T0 + 5).toISOString(),
    });
  });

  it('should count per provider and reason, bounded', () => {
    const refused = createRefusedDeliveries({ maxReasons: 2 });
    refused.add(refusal(1));
    refused.add(refusal(2));
    refused.add({ ...refusal(3), provider: 'tradevest' });
    refused.add({
      provider: 'none',
      method: 'GET',
      path: '/webhooks/x',
      status: 404,
      code: 'route_not_found',
      message: 'No webhook route at /webhooks/x.',
    });
    expect(
      refused.counts().map(({ provider, code, count }) => ({
        provider,
        code,
        count,
      })),
    ).toEqual([
      { provider: 'redpin', code: 'authentication_failed', count: 2 },
      { provider: 'other', code: 'other', count: 1 },
      { provider: 'tradevest', code: 'authentication_failed', count: 1 },
    ]);
  });

  it('should cut paths and reasons, and never quote a body', () => {
    const refused = createRefusedDeliveries();
    const entry = refused.add({
      provider: 'none',
      method: 'POST',
      path: `/webhooks/${'x'.repeat(15_000)}`,
      status: 404,
      code: 'route_not_found',
      message: 'y'.repeat(15_000),
    });
    expect(entry.path.length).toBeLessThan(MAX_PATH_CHARS + 16);
    expect(entry.message.length).toBeLessThan(MAX_REASON_CHARS + 16);
    const json = refused.add({
      provider: 'redpin',
      method: 'POST',
      path: '/webhooks/redpin',
      status: 400,
      // JSON.parse's message quotes the body.
      error: new InvalidJsonError({
        message:
          'The request body is not valid JSON (Unexpected token "secret-iban DE89…").',
      }),
    });
    expect(json.message).not.toContain('secret-iban');
    expect(json.summary).toBe('body is not JSON');
  });
});

describe('reasons in words', () => {
  const at = T0;
  it('should say how old a signed timestamp was', () => {
    const error = new TimestampOutOfToleranceError({
      provider: 'dintero',
      timestamp: at / 1000 - 420,
      toleranceSeconds: 300,
      message: 'The signed timestamp is 420 s old.',
    });
    expect(
      summarizeRefusal({
        code: error.code,
        provider: 'dintero',
        error,
        at,
      }),
    ).toBe('timestamp 7 min in the past');
    const future = new TimestampOutOfToleranceError({
      timestamp: at / 1000 + 90,
      toleranceSeconds: 60,
      message: 'm',
    });
    expect(
      summarizeRefusal({
        code: future.code,
        provider: 'dintero',
        error: future,
        at,
      }),
    ).toBe('timestamp 90 s in the future');
  });

  it('should name the Solaris event type whose secrets did not match', () => {
    const error = new SignatureVerificationError({
      provider: 'solaris',
      reason: 'mismatch',
      message:
        'The signature of this Solaris "BOOKING" notification matches none of the 1 secret(s) configured for it.',
    });
    expect(
      summarizeRefusal({ code: error.code, provider: 'solaris', error, at }),
    ).toBe('signature does not match any configured secret for BOOKING');
  });

  it('should tell an unknown Tradevest path from a missing route', () => {
    const error = new RouteNotFoundError({
      provider: 'tradevest',
      message: '"/nope" is not a Tradevest notification path.',
    });
    expect(
      summarizeRefusal({ code: error.code, provider: 'tradevest', error, at }),
    ).toBe('unknown Tradevest path');
    expect(
      summarizeRefusal({
        code: 'route_not_found',
        provider: 'redpin',
        message: 'The redpin route is not enabled: set its variables.',
        at,
      }),
    ).toBe('Redpin route not enabled');
    expect(
      summarizeRefusal({ code: 'route_not_found', provider: 'none', at }),
    ).toBe('no webhook route at this path');
  });
});

describe('delivery feed', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should classify answers by outcome', () => {
    const event = {} as never;
    expect(outcomeOf(200, { status: 'accepted', event, invalid: false })).toBe(
      'accepted',
    );
    expect(outcomeOf(200, { status: 'accepted', event, invalid: true })).toBe(
      'invalid',
    );
    expect(outcomeOf(200, { status: 'duplicate', event })).toBe('duplicate');
    expect(outcomeOf(401, undefined)).toBe('refused');
    expect(outcomeOf(413, undefined)).toBe('refused');
    expect(outcomeOf(500, undefined)).toBe('failed');
  });

  it('should push one coalesced message per period, not one per request', () => {
    vi.useFakeTimers();
    const now = T0 + 30_000;
    const messages: [string, unknown][] = [];
    const feed = createDeliveryFeed({
      publish: (event, data) => messages.push([event, data]),
      pushDelayMs: 500,
      now: () => now,
    });
    for (let n = 0; n < 100; n++) {
      feed.record({
        provider: 'redpin',
        method: 'POST',
        path: '/webhooks/redpin',
        status: 401,
        error: new AuthenticationError({
          method: 'static_header',
          message: 'The "x-api-key" header has the wrong value.',
        }),
      });
    }
    feed.record({
      provider: 'redpin',
      method: 'POST',
      path: '/webhooks/redpin',
      status: 200,
      outcome: { status: 'duplicate', event: {} as never },
    });
    expect(messages).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(messages.map(([event]) => event)).toEqual(['deliveries', 'refused']);
    const deliveries = messages[0]![1] as DeliveriesMessage;
    expect(deliveries.minutes).toEqual([
      {
        minute: T0,
        providers: {
          redpin: {
            accepted: 0,
            duplicate: 1,
            invalid: 0,
            refused: 100,
            failed: 0,
          },
        },
      },
    ]);
    const refused = messages[1]![1] as RefusedMessage;
    expect(refused.total).toBe(100);
    expect(refused.entries).toHaveLength(20);
    expect(refused.entries[0]!.seq).toBe(100);
    expect(refused.counts).toMatchObject([
      { provider: 'redpin', code: 'authentication_failed', count: 100 },
    ]);

    // Nothing new: nothing sent; an accepted delivery: counts only.
    vi.advanceTimersByTime(5_000);
    expect(messages).toHaveLength(2);
    feed.record({
      provider: 'redpin',
      method: 'POST',
      path: '/webhooks/redpin',
      status: 200,
      outcome: { status: 'accepted', event: {} as never, invalid: false },
    });
    feed.flush();
    expect(messages.map(([event]) => event)).toEqual([
      'deliveries',
      'refused',
      'deliveries',
    ]);
    feed.stop();
  });
});
