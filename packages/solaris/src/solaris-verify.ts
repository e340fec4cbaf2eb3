import {
  ConfigurationError,
  MissingHeaderError,
  SignatureVerificationError,
  requireHeader,
  resolveSecrets,
  signatureVerification,
  verifyHmacSignature,
  type RawWebhookRequest,
  type WebhookAuthentication,
} from '@finhooks/core';
import type {
  SolarisAdapterOptions,
  SolarisSignatureAlgorithm,
} from './solaris-adapter-settings';
import { eventTypeHeader, signatureHeader } from './solaris-headers';

const provider = 'solaris';

const digestLengths: Record<SolarisSignatureAlgorithm, number> = {
  sha1: 40,
  sha256: 64,
  sha512: 128,
};

function isAlgorithm(name: string): name is SolarisSignatureAlgorithm {
  return Object.hasOwn(digestLengths, name);
}

function nonEmpty(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : [...value];
  return list.filter(secret => typeof secret === 'string' && secret !== '');
}

/**
 * Throws `ConfigurationError` unless at least one secret (or a resolver) is
 * configured, when `allowedAlgorithms` is empty or names an unknown
 * algorithm, and when `dedupWindowMs` is not a whole number ≥ 0.
 */
export function assertSolarisSettings(
  // The wider type: JavaScript callers may pass anything.
  settings: SolarisAdapterOptions,
): void {
  const { secrets, defaultSecret, allowedAlgorithms } = settings;
  const hasMapSecret =
    secrets !== undefined &&
    typeof secrets !== 'function' &&
    Object.values(secrets).some(value => nonEmpty(value).length > 0);
  if (
    typeof secrets !== 'function' &&
    !hasMapSecret &&
    nonEmpty(defaultSecret).length === 0
  ) {
    throw new ConfigurationError({
      provider,
      message:
        'solaris: no secret configured. Pass `secrets` (per event type, the `secret` Solaris returned when you created each subscription) or `defaultSecret`; finhooks refuses to accept unauthenticated webhooks.',
    });
  }
  for (const algorithm of allowedAlgorithms ?? []) {
    if (!isAlgorithm(algorithm)) {
      throw new ConfigurationError({
        provider,
        message: `solaris: unknown signature algorithm "${String(algorithm)}" in \`allowedAlgorithms\`; use sha256, sha512 or sha1.`,
      });
    }
  }
  const { dedupWindowMs } = settings;
  if (
    dedupWindowMs !== undefined &&
    !(Number.isSafeInteger(dedupWindowMs) && dedupWindowMs >= 0)
  ) {
    throw new ConfigurationError({
      provider,
      message: `solaris: \`dedupWindowMs\` must be a whole number of milliseconds ≥ 0, got ${String(dedupWindowMs)}; omit it for the default of 5 days (Solaris's retry period).`,
    });
  }
  if (allowedAlgorithms !== undefined && allowedAlgorithms.length === 0) {
    throw new ConfigurationError({
      provider,
      message:
        'solaris: `allowedAlgorithms` is empty, so no request could verify; omit it for the default sha256.',
    });
  }
}

/** One secret that may verify a request, and whether it is the type's own. */
export interface SolarisSecretCandidate {
  secret: string;
  /**
   * The secret belongs to this event type alone (a map entry no other
   * type or `defaultSecret` repeats, or a resolver declared per type), so
   * a signature it verifies also authenticates the event type header.
   */
  perType: boolean;
}

/**
 * Where the secrets of each event type come from, fixed when the adapter
 * is built (later changes to the caller's map do not alter verification).
 */
export interface SolarisSecretSource {
  candidatesFor(
    eventType: string,
    request: RawWebhookRequest,
  ): Promise<SolarisSecretCandidate[]>;
}

/**
 * Prepares the secret lookup: the map is copied, and a secret that appears
 * under several types or also in `defaultSecret` is marked shared, since
 * it cannot tell those types apart.
 */
export function solarisSecretSource(
  settings: SolarisAdapterOptions,
): SolarisSecretSource {
  const { secrets } = settings;
  const fallback = nonEmpty(settings.defaultSecret);
  const fallbackCandidates = fallback.map(secret => ({
    secret,
    perType: false,
  }));
  if (typeof secrets === 'function') {
    const perType = settings.resolvesPerType === true;
    return {
      async candidatesFor(eventType, request) {
        const own = await resolveSecrets(secrets, { eventType, request });
        return own.length > 0
          ? own.map(secret => ({
              secret,
              // A resolver handing out the default secret shares it.
              perType: perType && !fallback.includes(secret),
            }))
          : fallbackCandidates;
      },
    };
  }
  const byType = new Map<string, string[]>();
  const uses = new Map<string, number>();
  for (const secret of new Set(fallback)) uses.set(secret, 2);
  for (const [eventType, value] of Object.entries(secrets ?? {})) {
    const list = nonEmpty(value);
    if (list.length === 0) continue;
    byType.set(eventType, list);
    for (const secret of new Set(list))
      uses.set(secret, (uses.get(secret) ?? 0) + 1);
  }
  return {
    candidatesFor(eventType) {
      const own = byType.get(eventType);
      return Promise.resolve(
        own === undefined
          ? fallbackCandidates
          : own.map(secret => ({ secret, perType: uses.get(secret) === 1 })),
      );
    },
  };
}

/** `<algorithm>=<hex>` split and checked against the allowed algorithms. */
export function parseSolarisSignature(
  header: string,
  allowedAlgorithms: readonly SolarisSignatureAlgorithm[],
): { algorithm: SolarisSignatureAlgorithm; digest: string } {
  const separator = header.indexOf('=');
  if (separator <= 0) {
    throw new SignatureVerificationError({
      provider,
      reason: 'malformed',
      message:
        'The Solaris-Webhook-Signature header is not in the form "sha256=<hex>".',
    });
  }
  const name = header.slice(0, separator).trim().toLowerCase();
  const digest = header.slice(separator + 1).trim();
  if (!isAlgorithm(name) || !allowedAlgorithms.includes(name)) {
    throw new SignatureVerificationError({
      provider,
      reason: 'unsupported_algorithm',
      message: `The Solaris signature uses "${name}", which is not enabled (allowed: ${allowedAlgorithms.join(', ')}). Add it to \`allowedAlgorithms\` only if Solaris really signs with it.`,
    });
  }
  if (digest.length !== digestLengths[name] || !/^[0-9a-f]+$/i.test(digest)) {
    throw new SignatureVerificationError({
      provider,
      reason: 'malformed',
      message: `The Solaris ${name} signature is not ${digestLengths[name]} hex digits.`,
    });
  }
  return { algorithm: name, digest };
}

/**
 * Header-only event types that ask the application to erase data. Their
 * signed body is `{}`, so under a secret shared by several types a
 * captured signature could be relabelled as one of them for any entity.
 */
export const destructiveEventTypes: ReadonlySet<string> = new Set([
  'PERSON_DELETED',
  'BUSINESS_DELETED',
]);

/**
 * Verifies `Solaris-Webhook-Signature: sha256=<hex>`, an HMAC of the raw
 * body bytes under the secret of the event type's subscription. Constant
 * time; every active secret is tried (rotation). Returns what the check
 * covered: always the body; the event type header too when the secret
 * that matched belongs to that type alone.
 */
export async function verifySolarisRequest(
  request: RawWebhookRequest,
  settings: SolarisAdapterOptions,
  source: SolarisSecretSource,
): Promise<WebhookAuthentication> {
  const header = requireHeader(request, signatureHeader, { provider });
  const eventType = request.headers.get(eventTypeHeader)?.trim() ?? '';
  if (eventType === '') {
    throw new MissingHeaderError({
      provider,
      header: eventTypeHeader,
      httpStatus: 400,
      message:
        'The "Solaris-Webhook-Event-Type" header is missing. Solaris always sends it; it selects the secret of the subscription. Check that no proxy strips it.',
    });
  }
  const { algorithm, digest } = parseSolarisSignature(
    header,
    settings.allowedAlgorithms ?? ['sha256'],
  );
  const candidates = await source.candidatesFor(eventType, request);
  if (candidates.length === 0) {
    throw new SignatureVerificationError({
      provider,
      reason: 'mismatch',
      message: `No secret is configured for Solaris event type "${eventType}". Add \`secrets.${eventType}\` (the secret returned when its subscription was created) or a \`defaultSecret\`.`,
    });
  }
  let matched: number;
  try {
    matched = await verifyHmacSignature({
      algorithm,
      secrets: candidates.map(candidate => candidate.secret),
      payload: request.body,
      signature: digest,
      provider,
    });
  } catch (cause) {
    // Name the event type: each one has its own subscription secret.
    throw new SignatureVerificationError({
      provider,
      reason: 'mismatch',
      message: `The signature of this Solaris "${eventType}" notification matches none of the ${candidates.length} secret(s) configured for it. Use the secret of the ${eventType} subscription, and pass the raw body untouched.`,
      cause,
    });
  }
  const perType = candidates[matched]?.perType === true;
  if (
    !perType &&
    destructiveEventTypes.has(eventType) &&
    settings.allowSharedSecretForDeletions !== true
  ) {
    throw new SignatureVerificationError({
      provider,
      reason: 'mismatch',
      message: `This Solaris "${eventType}" notification verified only under a secret shared by several event types, which does not authenticate the unsigned event type header: any signed body could be relabelled as a deletion. Configure \`secrets.${eventType}\` with the secret of the ${eventType} subscription alone (or set \`allowSharedSecretForDeletions: true\` and confirm each deletion through the Solaris API).`,
    });
  }
  return {
    verification: signatureVerification({
      body: true,
      headers: perType ? [eventTypeHeader] : [],
    }),
  };
}
