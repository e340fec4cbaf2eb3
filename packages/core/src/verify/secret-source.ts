import { ConfigurationError } from '../errors/configuration-error';

/** A secret, several active ones (rotation), or nothing. */
export type SecretValue = string | readonly string[] | undefined;

/**
 * Where an adapter gets its secrets: a value, several values for rotation, or
 * an async resolver called per request (per Solaris event type, per merchant
 * account, from a vault...).
 */
export type SecretSource<TContext> =
  | string
  | readonly string[]
  | ((context: TContext) => SecretValue | Promise<SecretValue>);

/** Resolves a source to the non-empty list of active secrets (may be empty). */
export async function resolveSecrets<TContext>(
  source: SecretSource<TContext> | undefined,
  context: TContext,
): Promise<string[]> {
  const value = typeof source === 'function' ? await source(context) : source;
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : [...value];
  return list.filter(secret => typeof secret === 'string' && secret.length > 0);
}

/**
 * Throws at construction time when a static secret source is empty: an
 * adapter never silently runs unauthenticated. Resolvers are checked per
 * request instead.
 */
export function assertSecretSourceConfigured(
  source: SecretSource<never> | undefined,
  { provider, setting }: { provider: string; setting: string },
): void {
  if (typeof source === 'function') return;
  const list =
    source === undefined ? [] : typeof source === 'string' ? [source] : source;
  if (list.filter(secret => secret.length > 0).length === 0) {
    throw new ConfigurationError({
      provider,
      message: `${provider}: no secret configured (\`${setting}\`). finhooks refuses to accept unauthenticated webhooks; pass the secret from the provider's dashboard or API.`,
    });
  }
}
