// Provider-neutral conversions every durable store applies to its columns.

/** Stored handler-error messages are cut to this many characters. */
export const MAX_STORED_ERROR_LENGTH = 2000;

/**
 * What a durable store keeps of a handler failure (`lastError`): the message
 * only (no stack, no cause chain, no properties that could hold request data
 * or secrets), cut to {@link MAX_STORED_ERROR_LENGTH} characters.
 */
export function storedErrorMessage(error: unknown): string {
  let message: string;
  if (error instanceof Error) message = error.message || error.name;
  else if (typeof error === 'string') message = error;
  else message = 'Non-error value thrown';
  return message.length > MAX_STORED_ERROR_LENGTH
    ? `${message.slice(0, MAX_STORED_ERROR_LENGTH - 1)}…`
    : message;
}

/** Milliseconds since the epoch of an ISO-8601 time; `undefined` if absent or unparsable. */
export function toEpochMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Retry schedule of durable stores: exponential from 1 s, capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 1000 * 2 ** Math.max(0, attempts - 1));
}
