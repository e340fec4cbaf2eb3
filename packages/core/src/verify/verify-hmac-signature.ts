import { SignatureVerificationError } from '../errors/signature-verification-error';
import { hmac, type DigestEncoding, type HmacAlgorithm } from './hmac';
import { timingSafeEqual } from './timing-safe-equal';

/** Options of {@link verifyHmacSignature}. */
export interface VerifyHmacSignatureOptions {
  algorithm: HmacAlgorithm;
  /** Every secret currently active (rotation); tried in order. */
  secrets: readonly string[];
  /** The exact signed bytes (the raw body, or a provider's signed string). */
  payload: Uint8Array | string;
  /** The signature as sent. */
  signature: string;
  encoding?: DigestEncoding;
  provider?: string;
}

/**
 * Checks an HMAC signature against every active secret in constant time.
 * Returns the index of the secret that matched; throws
 * `SignatureVerificationError` when none does. Hex is compared
 * case-insensitively (some providers upper-case it).
 */
export async function verifyHmacSignature({
  algorithm,
  secrets,
  payload,
  signature,
  encoding = 'hex',
  provider,
}: VerifyHmacSignatureOptions): Promise<number> {
  const received =
    encoding === 'hex' ? signature.trim().toLowerCase() : signature.trim();
  let matched = -1;
  // Every secret is tried even after a match, so timing does not reveal
  // which secret (old or new) a request was signed with.
  for (const [index, secret] of secrets.entries()) {
    const expected = await hmac(algorithm, secret, payload, encoding);
    if (timingSafeEqual(expected, received) && matched === -1) matched = index;
  }
  if (matched === -1) {
    throw new SignatureVerificationError({
      provider,
      reason: 'mismatch',
      message: `The ${algorithm.toUpperCase()} signature does not match any configured secret${
        secrets.length > 1 ? ` (${secrets.length} tried)` : ''
      }. Check that the secret is the one of this subscription and that nothing re-encodes the body before it reaches finhooks.`,
    });
  }
  return matched;
}
