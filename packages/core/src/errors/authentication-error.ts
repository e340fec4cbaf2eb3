import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_AuthenticationError';

/** Which configured check refused the request. */
export type AuthenticationMethod =
  'static_header' | 'basic_auth' | 'ip_allowlist' | 'custom';

/**
 * A provider without signatures (Redpin, Tradevest) sent a request that does
 * not carry the configured credential: a wrong or missing static header, bad
 * basic-auth credentials, or a source address outside the allowlist.
 * Answered with 401.
 */
export class AuthenticationError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'AuthenticationError';
  readonly method: AuthenticationMethod;

  constructor({
    method,
    ...options
  }: FinhooksErrorOptions & { method: AuthenticationMethod }) {
    super({
      name,
      code: 'authentication_failed',
      httpStatus: 401,
      ...options,
    });
    this.method = method;
  }

  static override isInstance(error: unknown): error is AuthenticationError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
