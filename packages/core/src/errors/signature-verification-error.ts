import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_SignatureVerificationError';

/** Why a signature was refused. */
export type SignatureFailureReason =
  'mismatch' | 'malformed' | 'unsupported_algorithm';

/**
 * The request's signature does not match any configured secret, is malformed,
 * or uses an algorithm that is not enabled. Likely causes: the wrong secret
 * (each Solaris event type has its own), a proxy that re-encoded the body, or
 * a secret rotated on the provider's side only. Answered with 401.
 */
export class SignatureVerificationError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'SignatureVerificationError';
  readonly reason: SignatureFailureReason;

  constructor({
    reason = 'mismatch',
    ...options
  }: FinhooksErrorOptions & { reason?: SignatureFailureReason }) {
    super({
      name,
      code: 'signature_invalid',
      httpStatus: 401,
      ...options,
    });
    this.reason = reason;
  }

  static override isInstance(
    error: unknown,
  ): error is SignatureVerificationError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
