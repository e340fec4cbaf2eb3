import { createHash } from 'node:crypto';
import type { RejectingDatabase } from '@finhooks/core/store-kit';

/**
 * PostgreSQL for the store kit's quarantine of data the database refuses:
 * a data exception (SQLSTATE class 22: a character the encoding refuses…)
 * or a program limit (class 54: JSON nested deeper than the server's stack,
 * an index row over its size limit). A lost connection, a lock timeout or
 * a full disk is not: those still throw.
 */
export const POSTGRES: RejectingDatabase = {
  name: 'PostgreSQL',
  codeLabel: 'SQLSTATE ',
  refusesData: code => /^(?:22|54)[0-9A-Z]{3}$/.test(code),
};

/**
 * A text column's value: PostgreSQL text cannot hold NUL, so NUL becomes
 * U+FFFD (the event JSON, which escapes it, keeps the exact value).
 */
export function pgText(value: string): string {
  return value.includes('\u0000')
    ? value.replaceAll('\u0000', '\uFFFD')
    : value;
}

/** Longest text (in characters) a quarantined row keeps in an indexed column. */
const MAX_FITTED_LENGTH = 200;

/** An indexed text column of a quarantined row, short enough for any index. */
export function fittedText(value: string): string {
  const text = pgText(value);
  return text.length > MAX_FITTED_LENGTH
    ? `${text.slice(0, MAX_FITTED_LENGTH - 1)}…`
    : text;
}

/** A dedup key of a quarantined row: too long a key is replaced by its hash. */
export function fittedKey(key: string): string {
  const text = pgText(key);
  return text.length > MAX_FITTED_LENGTH
    ? `sha256:${createHash('sha256').update(key).digest('hex')}`
    : text;
}
