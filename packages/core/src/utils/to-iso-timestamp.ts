/**
 * Normalizes a provider timestamp (ISO-8601 with or without offset, a plain
 * date, or unix seconds) to an ISO-8601 UTC string. Returns `undefined` for
 * anything that is not a real point in time, so a malformed provider value
 * never makes the envelope invalid.
 */
export function toIsoTimestamp(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value * 1000).toISOString();
  }
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  // Date-only and date-time strings; a date-time without offset is taken as UTC.
  if (
    !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(
      text,
    )
  ) {
    return undefined;
  }
  const hasTime = text.length > 10;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(text.slice(10));
  const normalized =
    hasTime && !hasOffset
      ? `${text.replace(' ', 'T')}Z`
      : text.replace(' ', 'T');
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
