import {
  assertTimestampWithinTolerance,
  MethodNotAllowedError,
  requireHeader,
  resolveSecrets,
  SignatureVerificationError,
  timingSafeEqual,
  type RawWebhookRequest,
} from '@finhooks/core';
import {
  dinteroCallbackDigest,
  dinteroCallbackSignatureHeader,
  parseDinteroSignatureHeader,
} from './dintero-callback-signature';
import { dinteroProvider } from './dintero-provider';
import { dinteroPublicUrl } from './dintero-public-url';
import type { ResolvedDinteroCheckoutSettings } from './dintero-resolve-settings';

/** Checkout callbacks arrive as GET (default) or POST (`method=POST`). */
export const dinteroCallbackMethods = ['GET', 'POST'] as const;

function notConfigured(): never {
  throw new SignatureVerificationError({
    provider: dinteroProvider,
    reason: 'unsupported_algorithm',
    message:
      'This looks like a Dintero Checkout callback (its path ends in the callback segment), but Checkout callbacks are not configured: pass `checkout: { secret, accountId }` to createDinteroAdapter.',
  });
}

/**
 * Verifies a Checkout callback's `Dintero-Signature` against the public URL
 * and every configured account and secret, and checks the signed timestamp
 * in both directions. Returns the account id whose signature matched.
 */
export async function verifyDinteroCallback(
  request: RawWebhookRequest,
  checkout: ResolvedDinteroCheckoutSettings | undefined,
): Promise<string> {
  if (checkout === undefined) notConfigured();
  if (!(dinteroCallbackMethods as readonly string[]).includes(request.method)) {
    throw new MethodNotAllowedError({
      provider: dinteroProvider,
      allowed: dinteroCallbackMethods,
      message: `Dintero Checkout callbacks use GET or POST, not ${request.method}.`,
    });
  }
  const header = requireHeader(request, dinteroCallbackSignatureHeader, {
    provider: dinteroProvider,
  });
  const parsed = parseDinteroSignatureHeader(header);
  if (parsed === undefined) {
    throw new SignatureVerificationError({
      provider: dinteroProvider,
      reason: 'malformed',
      message:
        'The Dintero-Signature header is malformed: expected "t=<unix seconds>,v0-hmac-sha256=<64 hex digits>".',
    });
  }
  // Cheap check first: a stale or future timestamp needs no HMAC.
  assertTimestampWithinTolerance({
    timestamp: parsed.timestamp,
    toleranceSeconds: checkout.toleranceSeconds,
    provider: dinteroProvider,
  });

  const url = dinteroPublicUrl(request, checkout);
  let matched: string | undefined;
  let secretsTried = 0;
  // Every account and secret is tried, so timing does not tell which matched.
  for (const accountId of checkout.accountIds) {
    const secrets = await resolveSecrets(checkout.secret, {
      request,
      accountId,
    });
    for (const secret of secrets) {
      secretsTried++;
      const expected = await dinteroCallbackDigest(secret, {
        timestamp: parsed.timestamp,
        accountId,
        method: request.method,
        url,
      });
      for (const signature of parsed.signatures) {
        if (timingSafeEqual(expected, signature) && matched === undefined) {
          matched = accountId;
        }
      }
    }
  }
  if (secretsTried === 0) {
    throw new SignatureVerificationError({
      provider: dinteroProvider,
      message:
        'The Checkout secret resolver returned no secret for this request.',
    });
  }
  if (matched === undefined) {
    throw new SignatureVerificationError({
      provider: dinteroProvider,
      reason: 'mismatch',
      message: `The Dintero-Signature does not match (checked host "${url.hostname}", path "${url.pathname}"). Check the signature secret and account id; behind a proxy or tunnel, set \`checkout.publicUrl\` to the URL Dintero calls, because the host and path are signed.`,
    });
  }
  return matched;
}
