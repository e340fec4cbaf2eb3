import { InvalidCursorError } from '../errors/invalid-cursor-error';
import { utf8DecodeStrict, utf8Encode } from '../utils/bytes';

/**
 * Position of the last event of a `listEvents` page, in the store's order
 * (newest first): `(receivedAt, provider, id)`.
 */
export interface StoreCursorPosition {
  /** Receipt time, milliseconds since the epoch (a safe integer). */
  receivedAtMs: number;
  provider: string;
  id: string;
}

/** Page size of `listEvents` when none is given. */
export const DEFAULT_LIST_LIMIT = 50;
/** Largest page `listEvents` returns. */
export const MAX_LIST_LIMIT = 500;

/** A `listEvents` page size: default 50, clamped to 1..500. */
export function clampListLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIST_LIMIT;
  return Math.min(MAX_LIST_LIMIT, Math.max(1, Math.floor(limit)));
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary)
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new InvalidCursorError();
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++)
    bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * An opaque, URL-safe (base64url) page cursor. Every finhooks store encodes
 * its cursors this way, on Node and edge runtimes alike.
 */
export function encodeStoreCursor(position: StoreCursorPosition): string {
  return toBase64Url(
    utf8Encode(
      JSON.stringify([position.receivedAtMs, position.provider, position.id]),
    ),
  );
}

/**
 * Reads a cursor made by {@link encodeStoreCursor}.
 * @throws InvalidCursorError for anything else (tampered, truncated, foreign).
 */
export function decodeStoreCursor(cursor: string): StoreCursorPosition {
  let value: unknown;
  try {
    value = JSON.parse(utf8DecodeStrict(fromBase64Url(cursor)));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    typeof value[0] !== 'number' ||
    !Number.isSafeInteger(value[0]) ||
    typeof value[1] !== 'string' ||
    typeof value[2] !== 'string'
  ) {
    throw new InvalidCursorError();
  }
  return { receivedAtMs: value[0], provider: value[1], id: value[2] };
}
