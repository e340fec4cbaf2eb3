/**
 * Finds the provider of a request: the configured one, else the first path
 * segment naming a registered adapter (`/webhooks/dintero/callback` →
 * `dintero`).
 */
export function resolveProvider(
  pathname: string,
  providers: Iterable<string>,
  configured?: string,
): string | undefined {
  if (configured !== undefined) return configured;
  const known = new Set(providers);
  return pathname
    .split('/')
    .map(safeDecode)
    .find(segment => known.has(segment));
}

/** A malformed escape (`%E0%A4%A`) is not a provider name, and must not throw. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
