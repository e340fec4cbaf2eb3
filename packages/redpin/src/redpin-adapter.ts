import {
  ConfigurationError,
  createRequestAuthenticator,
  defineWebhookAdapter,
  type WebhookAdapterEvent,
} from '@finhooks/core';
import type { RedpinAdapterSettings } from './redpin-adapter-settings';
import { describeRedpinDelivery } from './redpin-delivery';
import { redpinEvents } from './redpin-events';
import { redpinDefaultDedupWindowMs, redpinIdentity } from './redpin-identity';
import { redpinNativeType } from './redpin-native-type';
import { parseRedpinBody } from './redpin-number-literals';

const provider = 'redpin';

/**
 * Creates the Redpin adapter: authenticates each call with the configured
 * checks (before the body is read), detects the payload generation, and
 * maps both generations of `PAYMENT STATUS`, `THIRD PARTY CUSTOMER STATUS`
 * and `CUSTOMER STATUS` to the same normalized events. Deliveries with an
 * `event_id` are identified by it; id-less ones by their bytes within
 * `dedupWindowMs`. Ambiguous flat bodies and envelopes missing required
 * fields are quarantined (`kind: 'invalid'`). Throws `ConfigurationError`
 * when no check is configured or `dedupWindowMs` is not a positive number.
 *
 * @example
 * createRedpinAdapter({
 *   auth: { headers: [{ name: 'x-redpin-token', value: process.env.REDPIN_WEBHOOK_TOKEN! }] },
 * });
 */
export function createRedpinAdapter(settings: RedpinAdapterSettings) {
  // A missing `auth` must fail as loudly as an empty one (JS callers).
  const auth = (settings as Partial<RedpinAdapterSettings> | undefined)?.auth;
  if (auth === undefined || auth === null) {
    throw new ConfigurationError({
      provider,
      message:
        'redpin: `auth` is required. Configure a static header, basic auth, an IP allowlist or a custom verifier, or set `auth: { dangerouslyAllowUnauthenticated: true }` if you accept forged events.',
    });
  }
  const dedupWindowMs = settings.dedupWindowMs ?? redpinDefaultDedupWindowMs;
  if (
    typeof dedupWindowMs !== 'number' ||
    !Number.isFinite(dedupWindowMs) ||
    dedupWindowMs <= 0
  ) {
    throw new ConfigurationError({
      provider,
      message:
        'redpin: `dedupWindowMs` must be a positive number of milliseconds.',
    });
  }
  const check = createRequestAuthenticator(auth, { provider });
  return defineWebhookAdapter({
    provider,
    methods: ['POST'],
    // Every header that carries a credential: never stored, never logged.
    sensitiveHeaders: sensitiveHeadersOf(auth),
    events: redpinEvents,
    // Redpin signs nothing: `credentials` (the body is as trustworthy as
    // the check that admitted its sender), or `none` when opted out.
    authenticate: async request => ({ verification: await check(request) }),
    parseBody: request => parseRedpinBody(request.body),
    nativeType: (_request, body) => ({
      value: redpinNativeType(body),
      from: 'body',
    }),
    identity: (_request, body, nativeType) => redpinIdentity(body, nativeType),
    contentWindowMs: dedupWindowMs,
    describeDelivery: (_request, body) => describeRedpinDelivery(body),
  });
}

function sensitiveHeadersOf(auth: RedpinAdapterSettings['auth']): string[] {
  const names = new Set<string>();
  for (const header of auth.headers ?? []) names.add(header.name.toLowerCase());
  if (auth.basicAuth !== undefined) names.add('authorization');
  for (const name of auth.sensitiveHeaders ?? []) names.add(name.toLowerCase());
  return [...names];
}

/** The adapter returned by {@link createRedpinAdapter}. */
export type RedpinAdapter = ReturnType<typeof createRedpinAdapter>;

/**
 * Every event the Redpin adapter emits: one member per native type with
 * `data` typed exactly, plus `redpin.unknown`.
 */
export type RedpinEvent = WebhookAdapterEvent<RedpinAdapter>;
