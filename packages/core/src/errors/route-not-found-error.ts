import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_RouteNotFoundError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * No adapter is registered for this provider or path. Check the URL the
 * provider was configured with and the adapters passed to createWebhooks().
 */
export class RouteNotFoundError extends FinhooksError {
  private readonly [symbol] = true;

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'route_not_found', httpStatus: 404, ...options });
  }

  static override isInstance(error: unknown): error is RouteNotFoundError {
    return FinhooksError.hasMarker(error, marker);
  }
}
