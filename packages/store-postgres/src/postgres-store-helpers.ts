/** Position of the last event of a page: `(received_at, provider, id)`. */
export interface CursorPosition {
  receivedAtMs: number;
  provider: string;
  id: string;
}

/**
 * Thrown by `listEvents` for a cursor it did not issue (tampered, truncated,
 * or from another store). An HTTP API should answer 400.
 */
export class InvalidCursorError extends TypeError {
  readonly code = 'cursor_invalid';

  constructor(
    message = 'The cursor is not one listEvents returned; start again without a cursor.',
  ) {
    super(message);
    this.name = 'FINHOOKS_InvalidCursorError';
  }
}

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 500;
/** Stored error messages are cut to this many characters. */
export const MAX_ERROR_LENGTH = 2000;

/** Opaque, URL-safe page cursor. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(
    JSON.stringify([position.receivedAtMs, position.provider, position.id]),
    'utf8',
  ).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
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

/** Page size: default 50, between 1 and 500. */
export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIST_LIMIT;
  return Math.min(MAX_LIST_LIMIT, Math.max(1, Math.floor(limit)));
}

/** Milliseconds since the epoch of an ISO-8601 time, or undefined. */
export function parseTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * What is kept of a handler failure: the message only (no stack, no cause
 * chain, no properties that could hold request data or secrets), shortened.
 */
export function errorMessage(error: unknown): string {
  let message: string;
  if (error instanceof Error) message = error.message || error.name;
  else if (typeof error === 'string') message = error;
  else message = 'Non-error value thrown';
  return message.length > MAX_ERROR_LENGTH
    ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…`
    : message;
}

/** A plain Uint8Array copy (not a Buffer) of stored bytes. */
export function toBytes(value: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(value.byteLength);
  bytes.set(value);
  return bytes;
}

/** A Buffer view of bytes, without copying. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
