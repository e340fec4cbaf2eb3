import { ConfigurationError } from '@finhooks/core';
import type {
  IpAllowlistOptions,
  StaticHeaderCredential,
} from '@finhooks/core';
import { z } from 'zod';

/** Settings of {@link createTradevestAdapter}. */
export interface TradevestAdapterSettings {
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
}

/** Tradevest accepts at most five headers per webhook. */
export const maximumTradevestHeaders = 5;

// User-facing settings are strict: a misspelt key must not silently turn
// authentication off.
const settingsSchema = z.strictObject({
  headers: z
    .array(
      z.strictObject({
        name: z.string().regex(/^\S+$/, 'a header name without spaces'),
        value: z.union([z.string(), z.array(z.string())]),
      }),
    )
    .max(
      maximumTradevestHeaders,
      'Tradevest sends at most 5 headers per webhook',
    )
    .optional(),
  ipAllowlist: z
    .strictObject({
      allow: z.array(z.string()),
      trustedProxies: z.number().int().nonnegative().optional(),
    })
    .optional(),
  dangerouslyAllowUnauthenticated: z.boolean().optional(),
});

/** Throws `ConfigurationError` naming every unusable setting. */
export function assertTradevestSettings(
  settings: TradevestAdapterSettings,
): void {
  const result = settingsSchema.safeParse(settings);
  if (result.success) return;
  const problems = result.error.issues
    .map(issue => `${issue.path.join('.') || 'settings'}: ${issue.message}`)
    .join('; ');
  throw new ConfigurationError({
    provider: 'tradevest',
    message: `tradevest: invalid settings (${problems}).`,
  });
}
