/**
 * Finds the provider of a request: the configured one; else, with a single
 * adapter, that one (a Next.js `app/api/webhooks/route.ts` has no provider
 * in its path); else the first path segment naming a registered adapter,
 * in any letter case (`/webhooks/Dintero/callback` → `dintero`).
 */
export function resolveProvider(
  pathname: string,
  providers: Iterable<string>,
  configured?: string,
): string | undefined {
  if (configured !== undefined) return configured;
  const known = [...providers];
  if (known.length === 1) return known[0];
  const byLowerCase = new Map(known.map(name => [name.toLowerCase(), name]));
  for (const segment of pathname.split('/')) {
    const match = byLowerCase.get(safeDecode(segment).toLowerCase());
    if (match !== undefined) return match;
  }
  return undefined;
}

/** A malformed escape (`%E0%A4%A`) is not a provider name, and must not throw. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The 404 message when no provider matches: it says how to fix it. */
export function noProviderMessage(
  pathname: string,
  providers: Iterable<string>,
): string {
  const known = [...providers];
  return `No webhook provider matches ${pathname.slice(0, 200)}: put the provider's name in the path (${known.map(name => `/webhooks/${name}`).join(', ') || 'no adapter is registered'}) or pass { provider: '<name>' } to the handler to serve one provider on any path.`;
}
