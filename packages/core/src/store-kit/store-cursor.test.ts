import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../errors/invalid-cursor-error';
import {
  clampListLimit,
  decodeStoreCursor,
  encodeStoreCursor,
} from './store-cursor';
import { storedErrorMessage, toEpochMs } from './store-values';

describe('store cursors', () => {
  it('should round-trip a position as URL-safe text', () => {
    const position = {
      receivedAtMs: Date.parse('2026-03-01T12:00:00.000Z'),
      provider: 'solaris',
      id: 'évt/1?+ü',
    };
    const cursor = encodeStoreCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeStoreCursor(cursor)).toEqual(position);
  });

  it('should read cursors issued before the move to core (Buffer base64url)', () => {
    // Buffer.from('[1772366400000,"acme","a1"]').toString('base64url')
    expect(decodeStoreCursor('WzE3NzIzNjY0MDAwMDAsImFjbWUiLCJhMSJd')).toEqual({
      receivedAtMs: 1772366400000,
      provider: 'acme',
      id: 'a1',
    });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'not a cursor'],
    ['padded base64', 'eyJhIjoxfQ=='],
    ['not an array', 'eyJhIjoxfQ'],
    ['truncated', 'WzE3NzIzNjY0MDAwMDAsImFjbWUiLCJh'],
    ['a fractional time', encodeStoreCursorRaw([1.5, 'acme', 'a'])],
    ['a wrong arity', encodeStoreCursorRaw([1, 'acme'])],
    ['invalid UTF-8', 'wyg'],
  ])('should reject %s with InvalidCursorError', (_name, cursor) => {
    let thrown: unknown;
    try {
      decodeStoreCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(InvalidCursorError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'cursor_invalid', httpStatus: 400 });
    expect((thrown as Error).message).toMatch(/cursor/);
  });

  it('should clamp page sizes to 1..500, default 50', () => {
    expect(clampListLimit(undefined)).toBe(50);
    expect(clampListLimit(Number.NaN)).toBe(50);
    expect(clampListLimit(0)).toBe(1);
    expect(clampListLimit(7.9)).toBe(7);
    expect(clampListLimit(10_000)).toBe(500);
  });
});

describe('stored values', () => {
  it('should keep only a bounded error message', () => {
    const error = new Error('boom');
    error.stack = 'Error: boom\n    at secret (/srv/token=abc.js:1:1)';
    expect(storedErrorMessage(error)).toBe('boom');
    expect(storedErrorMessage(new TypeError(''))).toBe('TypeError');
    expect(storedErrorMessage('text')).toBe('text');
    expect(storedErrorMessage({ secret: 'x' })).toBe('Non-error value thrown');
    const long = storedErrorMessage('x'.repeat(5000));
    expect(long).toHaveLength(2000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('should parse times to epoch milliseconds', () => {
    expect(toEpochMs('2026-03-01T12:00:00.000Z')).toBe(1772366400000);
    expect(toEpochMs(undefined)).toBeUndefined();
    expect(toEpochMs('yesterday')).toBeUndefined();
  });
});

function encodeStoreCursorRaw(value: unknown): string {
  return btoa(JSON.stringify(value))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}
