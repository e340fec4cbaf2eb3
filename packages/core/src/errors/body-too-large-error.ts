import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_BodyTooLargeError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * The request body is larger than the configured limit (1 MiB by default).
 * Raise `maxBodyBytes` if a provider legitimately sends bigger payloads.
 */
export class BodyTooLargeError extends FinhooksError {
  private readonly [symbol] = true;

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'body_too_large', httpStatus: 413, ...options });
  }

  static override isInstance(error: unknown): error is BodyTooLargeError {
    return FinhooksError.hasMarker(error, marker);
  }
}
