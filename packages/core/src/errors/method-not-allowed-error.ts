import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_MethodNotAllowedError';

/** The provider's adapter does not accept this HTTP method. Answered with 405. */
export class MethodNotAllowedError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'MethodNotAllowedError';
  /** Methods the adapter accepts, for the `Allow` header. */
  readonly allowed: readonly string[];

  constructor({
    allowed,
    ...options
  }: FinhooksErrorOptions & { allowed: readonly string[] }) {
    super({ name, code: 'method_not_allowed', httpStatus: 405, ...options });
    this.allowed = allowed;
  }

  static override isInstance(error: unknown): error is MethodNotAllowedError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
