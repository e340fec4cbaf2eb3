/**
 * The logger finhooks writes to: pino's shape (`logger.warn(fields, message)`),
 * so a pino, bunyan-style or console-backed logger can be passed as is.
 */
export interface WebhookLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const noop = (): void => {};

/** The default logger: warnings and errors to the console; debug and info dropped. */
export function createConsoleLogger(): WebhookLogger {
  return {
    debug: noop,
    info: noop,
    warn: (fields, message) => console.warn(`[finhooks] ${message}`, fields),
    error: (fields, message) => console.error(`[finhooks] ${message}`, fields),
  };
}

/** Longest text logged for one value (paths, messages): they may be the sender's. */
export const MAX_LOGGED_TEXT = 300;

/** Cuts attacker-controllable text before it reaches a log. */
export function truncateForLog(text: string, max = MAX_LOGGED_TEXT): string {
  return text.length > max
    ? `${text.slice(0, max)}…(${text.length} chars)`
    : text;
}
