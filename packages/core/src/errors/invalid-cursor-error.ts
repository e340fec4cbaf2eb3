import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_InvalidCursorError';

const defaultMessage =
  'The cursor is not one listEvents returned; start again without a cursor.';

/**
 * Thrown by a durable store's `listEvents` for a cursor it did not issue
 * (tampered, truncated, or from another store). An HTTP API answers 400.
 */
export class InvalidCursorError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'InvalidCursorError';

  constructor(options: Partial<FinhooksErrorOptions> = {}) {
    super({
      name,
      code: 'cursor_invalid',
      httpStatus: 400,
      ...options,
      message: options.message ?? defaultMessage,
    });
  }

  static override isInstance(error: unknown): error is InvalidCursorError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
