import { describe, expect, it } from 'vitest';
import { TimestampOutOfToleranceError } from '../errors/timestamp-out-of-tolerance-error';
import { assertTimestampWithinTolerance } from './timestamp-tolerance';

describe('assertTimestampWithinTolerance', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const nowSeconds = now.getTime() / 1000;

  it('should accept timestamps within the tolerance either way', () => {
    for (const offset of [0, -300, 300, -1, 1]) {
      expect(() =>
        assertTimestampWithinTolerance({
          timestamp: nowSeconds + offset,
          toleranceSeconds: 300,
          now,
        }),
      ).not.toThrow();
    }
  });

  it('should refuse a stale timestamp and a future one', () => {
    for (const offset of [-301, 301, -86_400, 18_000]) {
      let caught: unknown;
      try {
        assertTimestampWithinTolerance({
          timestamp: nowSeconds + offset,
          toleranceSeconds: 300,
          now,
          provider: 'p',
        });
      } catch (error) {
        caught = error;
      }
      expect(TimestampOutOfToleranceError.isInstance(caught)).toBe(true);
      expect((caught as TimestampOutOfToleranceError).httpStatus).toBe(401);
      expect((caught as TimestampOutOfToleranceError).message).toMatch(
        offset < 0 ? /old/ : /future/,
      );
    }
  });

  it('should refuse a timestamp that is not a number', () => {
    expect(() =>
      assertTimestampWithinTolerance({
        timestamp: Number.NaN,
        toleranceSeconds: 300,
        now,
      }),
    ).toThrow(/not a number/);
  });
});
