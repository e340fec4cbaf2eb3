import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_ConfigurationError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * The adapter or router was built with unusable settings: most often no
 * secret or credential at all. finhooks refuses to run unauthenticated unless
 * the adapter's explicit opt-out is used. Thrown at construction time.
 */
export class ConfigurationError extends FinhooksError {
  private readonly [symbol] = true;

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'configuration_invalid', httpStatus: 500, ...options });
  }

  static override isInstance(error: unknown): error is ConfigurationError {
    return FinhooksError.hasMarker(error, marker);
  }
}
