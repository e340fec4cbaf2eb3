import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_InvalidRequestError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/** The request itself is malformed: its URL or Host header cannot be parsed. */
export class InvalidRequestError extends FinhooksError {
  private readonly [symbol] = true;

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'request_invalid', httpStatus: 400, ...options });
  }

  static override isInstance(error: unknown): error is InvalidRequestError {
    return FinhooksError.hasMarker(error, marker);
  }
}
