import {
  assertSecretSourceConfigured,
  ConfigurationError,
  type SecretSource,
} from '@finhooks/core';
import type {
  DinteroAdapterSettings,
  DinteroCheckoutSecretContext,
  DinteroHooksSecretContext,
} from './dintero-adapter-settings';
import { dinteroProvider } from './dintero-provider';

/** Checkout callback settings after validation and defaults. */
export interface ResolvedDinteroCheckoutSettings {
  secret: SecretSource<DinteroCheckoutSecretContext>;
  accountIds: readonly string[];
  toleranceSeconds: number;
  publicUrl: URL | undefined;
  trustForwardedHeaders: boolean;
  callbackPath: string;
}

/** All adapter settings after validation and defaults. */
export interface ResolvedDinteroSettings {
  hooksSecret: SecretSource<DinteroHooksSecretContext> | undefined;
  checkout: ResolvedDinteroCheckoutSettings | undefined;
  callbackPath: string;
  /** Window of `content` identities (Hooks deliveries without an id), ms. */
  dedupWindowMs: number;
}

/** Dintero account ids: `P` (production) or `T` (test) and eight digits. */
const accountIdPattern = /^[PT]\d{8}$/;
const defaultCallbackPath = 'callback';
/**
 * Dintero makes at most 5 attempts per Hooks delivery, up to 120 s apart:
 * one day covers every retry with a wide margin.
 */
export const dinteroDefaultDedupWindowMs = 24 * 60 * 60 * 1000;

function fail(message: string): never {
  throw new ConfigurationError({
    provider: dinteroProvider,
    message: `${dinteroProvider}: ${message}`,
  });
}

function resolveCheckout(
  checkout: NonNullable<DinteroAdapterSettings['checkout']>,
): ResolvedDinteroCheckoutSettings {
  assertSecretSourceConfigured(checkout.secret, {
    provider: dinteroProvider,
    setting: 'checkout.secret',
  });
  const accountIds =
    typeof checkout.accountId === 'string'
      ? [checkout.accountId]
      : [...(checkout.accountId ?? [])];
  if (accountIds.length === 0) {
    fail(
      '`checkout.accountId` is required: the account id is part of the signed string.',
    );
  }
  for (const accountId of accountIds) {
    if (!accountIdPattern.test(accountId)) {
      fail(
        `"${accountId}" in \`checkout.accountId\` is not a Dintero account id (P or T followed by 8 digits, e.g. T12345678).`,
      );
    }
  }
  const toleranceSeconds = checkout.toleranceSeconds ?? 300;
  if (!Number.isFinite(toleranceSeconds) || toleranceSeconds <= 0) {
    fail('`checkout.toleranceSeconds` must be a positive number of seconds.');
  }
  let publicUrl: URL | undefined;
  if (checkout.publicUrl !== undefined) {
    try {
      publicUrl = new URL(checkout.publicUrl);
    } catch {
      fail(`\`checkout.publicUrl\` "${checkout.publicUrl}" is not a URL.`);
    }
    if (publicUrl.search !== '' || publicUrl.hash !== '') {
      fail(
        '`checkout.publicUrl` is a base URL: scheme, host and an optional path prefix, without query or fragment.',
      );
    }
  }
  const callbackPath = checkout.callbackPath ?? defaultCallbackPath;
  if (callbackPath === '' || callbackPath.includes('/')) {
    fail(
      '`checkout.callbackPath` is one path segment (default "callback"), without slashes.',
    );
  }
  return {
    secret: checkout.secret,
    accountIds,
    toleranceSeconds,
    publicUrl,
    trustForwardedHeaders: checkout.trustForwardedHeaders === true,
    callbackPath,
  };
}

/**
 * Validates the settings at construction time: at least one mechanism must
 * be configured, and every configured one completely.
 */
export function resolveDinteroSettings(
  settings: DinteroAdapterSettings,
): ResolvedDinteroSettings {
  if (settings.secret === undefined && settings.checkout === undefined) {
    fail(
      'no secret configured. Pass `secret` (the Hooks API subscription secret) and/or `checkout: { secret, accountId }` (the Checkout callback signature secret); finhooks refuses to accept unauthenticated webhooks.',
    );
  }
  if (settings.secret !== undefined) {
    assertSecretSourceConfigured(settings.secret, {
      provider: dinteroProvider,
      setting: 'secret',
    });
  }
  const dedupWindowMs = settings.dedupWindowMs ?? dinteroDefaultDedupWindowMs;
  if (!Number.isFinite(dedupWindowMs) || dedupWindowMs <= 0) {
    fail('`dedupWindowMs` must be a positive number of milliseconds.');
  }
  const checkout =
    settings.checkout === undefined
      ? undefined
      : resolveCheckout(settings.checkout);
  return {
    hooksSecret: settings.secret,
    checkout,
    callbackPath: checkout?.callbackPath ?? defaultCallbackPath,
    dedupWindowMs,
  };
}
