import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_ConfigurationError';

/**
 * The adapter or router was built with unusable settings: most often no
 * secret or credential at all. finhooks refuses to run unauthenticated unless
 * the adapter's explicit opt-out is used. Thrown at construction time.
 */
export class ConfigurationError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'ConfigurationError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'configuration_invalid', httpStatus: 500, ...options });
  }

  static override isInstance(error: unknown): error is ConfigurationError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
