import { ConfigurationError } from '@finhooks/core';
import type {
  IpAllowlistOptions,
  StaticHeaderCredential,
} from '@finhooks/core';

/** What every shape of {@link TradevestAdapterSettings} may set. */
interface TradevestSettingsFields {
  /**
   * The headers configured on the Tradevest webhook (`POST /webhooks`,
   * `headers: [{ name, value }]`, at most 5), e.g.
   * `[{ name: 'api-key', value: process.env.TRADEVEST_WEBHOOK_TOKEN }]`.
   * Every one must arrive with its value, compared in constant time. Give a
   * list of values to accept old and new during a rotation.
   */
  headers?: readonly StaticHeaderCredential[];
  /**
   * Accept only these source addresses (Tradevest publishes none; use your
   * own knowledge or a gateway). Combines with `headers` (both must pass).
   */
  ipAllowlist?: IpAllowlistOptions;
  /**
   * Accept requests without any check. Anyone who finds the URL can then
   * forge notifications; only for local experiments.
   */
  dangerouslyAllowUnauthenticated?: boolean;
  /**
   * How long a delivery whose bytes equal the latest stored notification of
   * the same type and object counts as a retry of it, in ms. Default
   * {@link tradevestDefaultDedupWindowMs} (24 h). Tradevest sends no
   * delivery id, so identical bytes are the only sign of a retry: within the
   * window they are one event, after it a new one. Tradevest documents no
   * retry schedule; raise the window if you see retries arrive later.
   */
  dedupWindowMs?: number;
}

/**
 * Settings of {@link createTradevestAdapter}: at least one check, `headers`
 * (the webhook's configured headers) or `ipAllowlist`, or the explicit
 * `dangerouslyAllowUnauthenticated: true`. `{}` does not compile; an empty
 * list or value is refused at runtime (`ConfigurationError`).
 */
export type TradevestAdapterSettings =
  | (TradevestSettingsFields & {
      headers: readonly StaticHeaderCredential[];
    })
  | (TradevestSettingsFields & { ipAllowlist: IpAllowlistOptions })
  | (TradevestSettingsFields & { dangerouslyAllowUnauthenticated: true });

/** Tradevest accepts at most five headers per webhook. */
export const maximumTradevestHeaders = 5;

/**
 * The default `dedupWindowMs`: one day. Tradevest's automatic retry policy
 * is undocumented; a day covers any plausible schedule of automatic retries.
 * Deliveries that were never acknowledged are parked for 30 days for you to
 * re-request (`GET /undelivered-webhooks`), but a parked delivery was never
 * stored, so its late arrival is no duplicate and needs no longer window.
 */
export const tradevestDefaultDedupWindowMs = 24 * 60 * 60 * 1000;

// Checked by hand rather than with a zod schema: validating settings with
// zod pulled about 1.4 kB (gzip) of checks into every bundle that the
// payload schemas do not need. User-facing settings are strict: a misspelt
// key must not silently turn authentication off.

type Problems = string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` is an object with no keys but `known`; records what is not. */
function checkObject(
  value: unknown,
  path: string,
  known: readonly string[],
  problems: Problems,
): value is Record<string, unknown> {
  if (!isRecord(value)) {
    problems.push(`${path}: expected object`);
    return false;
  }
  const unknown = Object.keys(value).filter(key => !known.includes(key));
  if (unknown.length > 0)
    problems.push(
      `${path}: unknown setting ${unknown.map(key => JSON.stringify(key)).join(', ')}`,
    );
  return true;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function checkHeaders(headers: unknown, problems: Problems): void {
  if (!Array.isArray(headers)) {
    problems.push('headers: expected array');
    return;
  }
  if (headers.length > maximumTradevestHeaders) {
    problems.push(
      `headers: Tradevest sends at most ${maximumTradevestHeaders} headers per webhook`,
    );
    return;
  }
  headers.forEach((header: unknown, index) => {
    const path = `headers.${index}`;
    if (!checkObject(header, path, ['name', 'value'], problems)) return;
    const { name, value } = header;
    if (!isString(name)) problems.push(`${path}.name: expected string`);
    else if (!/^\S+$/.test(name))
      problems.push(`${path}.name: a header name without spaces`);
    if (!isString(value) && !(Array.isArray(value) && value.every(isString)))
      problems.push(`${path}.value: invalid value`);
  });
}

function checkIpAllowlist(ipAllowlist: unknown, problems: Problems): void {
  const path = 'ipAllowlist';
  if (!checkObject(ipAllowlist, path, ['allow', 'trustedProxies'], problems))
    return;
  const { allow, trustedProxies } = ipAllowlist;
  if (!Array.isArray(allow)) problems.push(`${path}.allow: expected array`);
  else
    allow.forEach((entry: unknown, index) => {
      if (!isString(entry))
        problems.push(`${path}.allow.${index}: expected string`);
    });
  if (trustedProxies === undefined) return;
  if (!isNumber(trustedProxies))
    problems.push(`${path}.trustedProxies: expected number`);
  else if (!Number.isInteger(trustedProxies))
    problems.push(`${path}.trustedProxies: expected int`);
  else if (trustedProxies < 0)
    problems.push(`${path}.trustedProxies: expected at least 0`);
}

function checkDedupWindow(dedupWindowMs: unknown, problems: Problems): void {
  if (!isNumber(dedupWindowMs)) problems.push('dedupWindowMs: expected number');
  else if (!Number.isInteger(dedupWindowMs))
    problems.push('dedupWindowMs: a whole number of milliseconds');
  else if (dedupWindowMs <= 0)
    problems.push('dedupWindowMs: a positive number of milliseconds');
}

/** Throws `ConfigurationError` naming every unusable setting. */
export function assertTradevestSettings(
  settings: TradevestAdapterSettings,
): void {
  const problems: Problems = [];
  const input: unknown = settings;
  if (
    checkObject(
      input,
      'settings',
      [
        'headers',
        'ipAllowlist',
        'dangerouslyAllowUnauthenticated',
        'dedupWindowMs',
      ],
      problems,
    )
  ) {
    const {
      headers,
      ipAllowlist,
      dangerouslyAllowUnauthenticated,
      dedupWindowMs,
    } = input;
    if (headers !== undefined) checkHeaders(headers, problems);
    if (ipAllowlist !== undefined) checkIpAllowlist(ipAllowlist, problems);
    if (
      dangerouslyAllowUnauthenticated !== undefined &&
      typeof dangerouslyAllowUnauthenticated !== 'boolean'
    )
      problems.push('dangerouslyAllowUnauthenticated: expected boolean');
    if (dedupWindowMs !== undefined) checkDedupWindow(dedupWindowMs, problems);
  }
  if (problems.length === 0) return;
  throw new ConfigurationError({
    provider: 'tradevest',
    message: `tradevest: invalid settings (${problems.join('; ')}).`,
  });
}
