import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_TimestampOutOfToleranceError';

/**
 * A signed timestamp is too far in the past (a replayed request) or in the
 * future (a skewed clock). Check the server clock (NTP) before widening the
 * tolerance. Answered with 401.
 */
export class TimestampOutOfToleranceError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'TimestampOutOfToleranceError';
  /** The signed timestamp, in unix seconds. */
  readonly timestamp: number;
  /** The tolerance that was applied, in seconds, in either direction. */
  readonly toleranceSeconds: number;

  constructor({
    timestamp,
    toleranceSeconds,
    ...options
  }: FinhooksErrorOptions & { timestamp: number; toleranceSeconds: number }) {
    super({
      name,
      code: 'timestamp_out_of_tolerance',
      httpStatus: 401,
      ...options,
    });
    this.timestamp = timestamp;
    this.toleranceSeconds = toleranceSeconds;
  }

  static override isInstance(
    error: unknown,
  ): error is TimestampOutOfToleranceError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
