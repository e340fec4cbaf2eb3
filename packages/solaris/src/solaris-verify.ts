import {
  ConfigurationError,
  MissingHeaderError,
  SignatureVerificationError,
  requireHeader,
  resolveSecrets,
  verifyHmacSignature,
  type RawWebhookRequest,
} from '@finhooks/core';
import type {
  SolarisAdapterSettings,
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
 * configured, and when `allowedAlgorithms` names an unknown algorithm.
 */
export function assertSolarisSettings(settings: SolarisAdapterSettings): void {
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
  if (allowedAlgorithms !== undefined && allowedAlgorithms.length === 0) {
    throw new ConfigurationError({
      provider,
      message:
        'solaris: `allowedAlgorithms` is empty, so no request could verify; omit it for the default sha256.',
    });
  }
}

/** The active secrets for one event type: its own, else the default. */
export async function solarisSecretsFor(
  settings: SolarisAdapterSettings,
  eventType: string,
  request: RawWebhookRequest,
): Promise<string[]> {
  const { secrets } = settings;
  let own: string[] = [];
  if (typeof secrets === 'function') {
    own = await resolveSecrets(secrets, { eventType, request });
  } else if (secrets !== undefined && Object.hasOwn(secrets, eventType)) {
    own = nonEmpty(secrets[eventType]);
  }
  return own.length > 0 ? own : nonEmpty(settings.defaultSecret);
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
 * Verifies `Solaris-Webhook-Signature: sha256=<hex>`, an HMAC of the raw
 * body bytes under the secret of the event type's subscription. Constant
 * time; every active secret is tried (rotation).
 */
export async function verifySolarisRequest(
  request: RawWebhookRequest,
  settings: SolarisAdapterSettings,
): Promise<void> {
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
  const secrets = await solarisSecretsFor(settings, eventType, request);
  if (secrets.length === 0) {
    throw new SignatureVerificationError({
      provider,
      reason: 'mismatch',
      message: `No secret is configured for Solaris event type "${eventType}". Add \`secrets.${eventType}\` (the secret returned when its subscription was created) or a \`defaultSecret\`.`,
    });
  }
  try {
    await verifyHmacSignature({
      algorithm,
      secrets,
      payload: request.body,
      signature: digest,
      provider,
    });
  } catch (cause) {
    // Name the event type: each one has its own subscription secret.
    throw new SignatureVerificationError({
      provider,
      reason: 'mismatch',
      message: `The signature of this Solaris "${eventType}" notification matches none of the ${secrets.length} secret(s) configured for it. Use the secret of the ${eventType} subscription, and pass the raw body untouched.`,
      cause,
    });
  }
}
