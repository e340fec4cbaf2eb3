import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_MethodNotAllowedError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/** The provider's adapter does not accept this HTTP method. Answered with 405. */
export class MethodNotAllowedError extends FinhooksError {
  private readonly [symbol] = true;
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
    return FinhooksError.hasMarker(error, marker);
  }
}
