import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_MissingHeaderError';

/**
 * A header the provider always sends is absent. For a signature or credential
 * header this is answered with 401 (an unauthenticated request); for other
 * headers (an event type) with 400. A proxy that strips unknown headers is a
 * common cause.
 */
export class MissingHeaderError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'MissingHeaderError';
  /** The missing header's name, lower case. */
  readonly header: string;

  constructor({
    header,
    httpStatus = 401,
    ...options
  }: FinhooksErrorOptions & { header: string; httpStatus?: 400 | 401 }) {
    super({ name, code: 'header_missing', httpStatus, ...options });
    this.header = header.toLowerCase();
  }

  static override isInstance(error: unknown): error is MissingHeaderError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
