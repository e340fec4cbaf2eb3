const marker = 'finhooks.error';
const symbol = Symbol.for(marker);

/** Stable, machine-readable error codes. Never renamed once released. */
export type FinhooksErrorCode =
  | 'configuration_invalid'
  | 'signature_invalid'
  | 'timestamp_out_of_tolerance'
  | 'authentication_failed'
  | 'header_missing'
  | 'body_already_parsed'
  | 'body_too_large'
  | 'json_invalid'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'event_in_progress'
  | 'event_unprocessable'
  | 'handler_failed'
  | 'store_failed'
  | 'cursor_invalid'
  | 'request_invalid';

/** Constructor options shared by every finhooks error. */
export interface FinhooksErrorOptions {
  message: string;
  provider?: string;
  cause?: unknown;
}

/**
 * Base class of every error finhooks throws. Each subclass has a stable
 * `code`, the `provider` it concerns (when known) and the `httpStatus` a
 * webhook endpoint should answer with.
 *
 * Use the static `isInstance` methods rather than `instanceof`: two installed
 * copies of `@finhooks/core` (adapters are versioned independently) still
 * recognise each other's errors through a global symbol marker.
 */
export class FinhooksError extends Error {
  private readonly [symbol] = true;
  readonly code: FinhooksErrorCode;
  readonly provider: string | undefined;
  readonly httpStatus: number;

  constructor({
    name,
    code,
    httpStatus,
    message,
    provider,
    cause,
  }: FinhooksErrorOptions & {
    name: string;
    code: FinhooksErrorCode;
    httpStatus: number;
  }) {
    super(message, cause === undefined ? undefined : { cause });
    // The subclass's marker (`isInstance` reads it). Set here rather than
    // as a field with a computed key in each subclass: those module-level
    // `Symbol.for` calls would keep every error class in a user's bundle.
    // A plain FinhooksError carries only the base marker, whatever its name.
    if (new.target !== FinhooksError)
      (this as unknown as Record<symbol, boolean>)[
        Symbol.for(`${marker}.${name}`)
      ] = true;
    this.name = name;
    this.code = code;
    this.httpStatus = httpStatus;
    this.provider = provider;
  }

  /** True for any finhooks error, from any copy of the package. */
  static isInstance(error: unknown): error is FinhooksError {
    return FinhooksError.hasMarker(error, marker);
  }

  protected static hasMarker(error: unknown, markerName: string): boolean {
    const markerSymbol = Symbol.for(markerName);
    return (
      error != null &&
      typeof error === 'object' &&
      markerSymbol in error &&
      (error as Record<symbol, unknown>)[markerSymbol] === true
    );
  }

  /** A JSON shape safe to send to a client or a log: no stack, no cause. */
  toJSON(): {
    name: string;
    code: FinhooksErrorCode;
    message: string;
    provider?: string;
  } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.provider === undefined ? {} : { provider: this.provider }),
    };
  }
}
