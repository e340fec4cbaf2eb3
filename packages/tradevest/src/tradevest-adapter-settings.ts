import { ConfigurationError } from '@finhooks/core';
import type {
  IpAllowlistOptions,
  StaticHeaderCredential,
} from '@finhooks/core';
import * as z from 'zod/mini';

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

// User-facing settings are strict: a misspelt key must not silently turn
// authentication off.
const settingsSchema = z.strictObject({
  headers: z.optional(
    z
      .array(
        z.strictObject({
          name: z
            .string()
            .check(z.regex(/^\S+$/, 'a header name without spaces')),
          value: z.union([z.string(), z.array(z.string())]),
        }),
      )
      .check(
        z.maxLength(
          maximumTradevestHeaders,
          'Tradevest sends at most 5 headers per webhook',
        ),
      ),
  ),
  ipAllowlist: z.optional(
    z.strictObject({
      allow: z.array(z.string()),
      trustedProxies: z.optional(z.int().check(z.nonnegative())),
    }),
  ),
  dangerouslyAllowUnauthenticated: z.optional(z.boolean()),
  dedupWindowMs: z.optional(
    z
      .number()
      .check(
        z.int('a whole number of milliseconds'),
        z.positive('a positive number of milliseconds'),
      ),
  ),
});

/**
 * Words the issues that carry no message of their own, for this parse
 * only (the host's global zod configuration stays as it is).
 */
function settingsIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown setting ${issue.keys.map(key => JSON.stringify(key)).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}`;
    default:
      return 'invalid value';
  }
}

/** Throws `ConfigurationError` naming every unusable setting. */
export function assertTradevestSettings(
  settings: TradevestAdapterSettings,
): void {
  const result = z.safeParse(settingsSchema, settings, {
    error: settingsIssueMessage,
  });
  if (result.success) return;
  const problems = result.error.issues
    .map(issue => `${issue.path.join('.') || 'settings'}: ${issue.message}`)
    .join('; ');
  throw new ConfigurationError({
    provider: 'tradevest',
    message: `tradevest: invalid settings (${problems}).`,
  });
}
