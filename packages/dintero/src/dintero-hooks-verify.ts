import {
  requireHeader,
  resolveSecrets,
  signatureVerification,
  SignatureVerificationError,
  verifyHmacSignature,
  type RawWebhookRequest,
  type SecretSource,
  type WebhookVerificationV1,
} from '@finhooks/core';
import type { DinteroHooksSecretContext } from './dintero-adapter-settings';
import { dinteroProvider } from './dintero-provider';

/** The Hooks API signature header: lowercase hex HMAC-SHA1 of the body. */
export const dinteroHooksSignatureHeader = 'event-signature';

/**
 * Verifies a Hooks API delivery: `event-signature` must be the HMAC-SHA1 of
 * the exact raw body under one of the active subscription secrets. The
 * signature covers the body only: no header, no URL and no timestamp, so
 * replays are caught only by deduplication (on the signed `event_delivery`).
 */
export async function verifyDinteroHooksRequest(
  request: RawWebhookRequest,
  secret: SecretSource<DinteroHooksSecretContext> | undefined,
): Promise<WebhookVerificationV1> {
  if (secret === undefined) {
    throw new SignatureVerificationError({
      provider: dinteroProvider,
      reason: 'unsupported_algorithm',
      message:
        'This looks like a Dintero Hooks API delivery, but no Hooks secret is configured: pass `secret` (the subscription secret) to createDinteroAdapter, or send Checkout callbacks to a path ending in the callback segment.',
    });
  }
  const signature = requireHeader(request, dinteroHooksSignatureHeader, {
    provider: dinteroProvider,
  });
  const secrets = await resolveSecrets(secret, { request });
  if (secrets.length === 0) {
    throw new SignatureVerificationError({
      provider: dinteroProvider,
      message: 'The Hooks secret resolver returned no secret for this request.',
    });
  }
  await verifyHmacSignature({
    algorithm: 'sha1',
    secrets,
    payload: request.body,
    signature,
    provider: dinteroProvider,
  });
  return signatureVerification({ body: true });
}
