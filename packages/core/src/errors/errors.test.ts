import { describe, expect, it } from 'vitest';
import * as errors from './index';

const cases = [
  [
    new errors.ConfigurationError({ message: 'm' }),
    'configuration_invalid',
    500,
  ],
  [
    new errors.SignatureVerificationError({ message: 'm' }),
    'signature_invalid',
    401,
  ],
  [
    new errors.TimestampOutOfToleranceError({
      message: 'm',
      timestamp: 1,
      toleranceSeconds: 300,
    }),
    'timestamp_out_of_tolerance',
    401,
  ],
  [
    new errors.AuthenticationError({ message: 'm', method: 'static_header' }),
    'authentication_failed',
    401,
  ],
  [
    new errors.MissingHeaderError({ message: 'm', header: 'Event' }),
    'header_missing',
    401,
  ],
  [
    new errors.MissingHeaderError({
      message: 'm',
      header: 'Event',
      httpStatus: 400,
    }),
    'header_missing',
    400,
  ],
  [
    new errors.BodyAlreadyParsedError({ message: 'm' }),
    'body_already_parsed',
    500,
  ],
  [new errors.BodyTooLargeError({ message: 'm' }), 'body_too_large', 413],
  [new errors.InvalidJsonError({ message: 'm' }), 'json_invalid', 400],
  [new errors.InvalidRequestError({ message: 'm' }), 'request_invalid', 400],
  [new errors.RouteNotFoundError({ message: 'm' }), 'route_not_found', 404],
  [
    new errors.MethodNotAllowedError({ message: 'm', allowed: ['POST'] }),
    'method_not_allowed',
    405,
  ],
  [new errors.EventInProgressError({ message: 'm' }), 'event_in_progress', 409],
  [
    new errors.UnprocessableEventError({ message: 'm' }),
    'event_unprocessable',
    422,
  ],
  [
    new errors.HandlerError({ message: 'm', errors: [], eventId: 'e' }),
    'handler_failed',
    500,
  ],
  [new errors.StoreError({ message: 'm' }), 'store_failed', 500],
  [new errors.InvalidCursorError({ message: 'm' }), 'cursor_invalid', 400],
] as const;

describe('finhooks errors', () => {
  it.each(
    cases.map(
      ([error, code, status]) => [error.name, error, code, status] as const,
    ),
  )(
    '%s should carry a stable code and status',
    (_name, error, code, status) => {
      expect(error.code).toBe(code);
      expect(error.httpStatus).toBe(status);
      expect(error.name).toMatch(/^FINHOOKS_/);
      expect(errors.FinhooksError.isInstance(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
      expect(error.toJSON()).toEqual({ name: error.name, code, message: 'm' });
    },
  );

  it('should recognise only its own class with isInstance', () => {
    const signature = new errors.SignatureVerificationError({
      message: 'm',
      provider: 'dintero',
    });
    expect(errors.SignatureVerificationError.isInstance(signature)).toBe(true);
    expect(errors.AuthenticationError.isInstance(signature)).toBe(false);
    expect(errors.FinhooksError.isInstance(new Error('x'))).toBe(false);
    expect(errors.FinhooksError.isInstance(null)).toBe(false);
    expect(signature.provider).toBe('dintero');
    expect(signature.toJSON().provider).toBe('dintero');
  });

  it('should mark every class, and not let a plain FinhooksError pass as one', () => {
    for (const [error] of cases) {
      const marked = Object.getOwnPropertySymbols(error).map(
        symbol => symbol.description,
      );
      expect(marked).toContain('finhooks.error');
      expect(marked).toContain(`finhooks.error.${error.name}`);
    }
    const plain = new errors.FinhooksError({
      name: 'FINHOOKS_RouteNotFoundError',
      code: 'route_not_found',
      httpStatus: 404,
      message: 'm',
    });
    expect(errors.FinhooksError.isInstance(plain)).toBe(true);
    expect(errors.RouteNotFoundError.isInstance(plain)).toBe(false);
  });

  it('should keep the cause', () => {
    const cause = new Error('root');
    expect(new errors.StoreError({ message: 'm', cause }).cause).toBe(cause);
  });
});
