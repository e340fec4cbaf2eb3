import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_RouteNotFoundError';

/**
 * No adapter is registered for this provider or path. Check the URL the
 * provider was configured with and the adapters passed to createWebhooks().
 */
export class RouteNotFoundError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'RouteNotFoundError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'route_not_found', httpStatus: 404, ...options });
  }

  static override isInstance(error: unknown): error is RouteNotFoundError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
