import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_BodyAlreadyParsedError';

/**
 * A framework middleware (express.json(), a body parser, Fastify's JSON
 * parser) consumed the request body before finhooks saw it. Signatures are
 * computed over the exact bytes sent, so they cannot be checked on a parsed
 * object. Mount the webhook route before the JSON middleware, or give
 * finhooks the raw body (express.raw(), `rawBody`). Answered with 500 so
 * the provider retries once the setup is fixed.
 */
export class BodyAlreadyParsedError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'BodyAlreadyParsedError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'body_already_parsed', httpStatus: 500, ...options });
  }

  static override isInstance(error: unknown): error is BodyAlreadyParsedError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
