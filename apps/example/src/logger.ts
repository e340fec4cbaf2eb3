import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Request bodies and headers are never logged; the
 * redact list is a second line of defence for anything that slips through.
 */
export function createLogger(
  level: string,
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service: 'finhooks-example' },
    redact: {
      paths: [
        '*.secret',
        '*.token',
        '*.password',
        '*.headers',
        '*.body',
        'headers',
        'body',
      ],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
