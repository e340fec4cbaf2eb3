import {
  ConfigurationError,
  createRequestAuthenticator,
  defineWebhookAdapter,
  type WebhookAdapterEvent,
} from '@finhooks/core';
import type { RedpinAdapterSettings } from './redpin-adapter-settings';
import { redpinEventId } from './redpin-event-id';
import { redpinEvents } from './redpin-events';
import { redpinNativeType } from './redpin-native-type';
import { parseRedpinBody } from './redpin-number-literals';

const provider = 'redpin';

/**
 * Creates the Redpin adapter: authenticates each call with the configured
 * checks (before the body is read), detects the payload generation, and
 * maps both generations of `PAYMENT STATUS`, `THIRD PARTY CUSTOMER STATUS`
 * and `CUSTOMER STATUS` to the same normalized events. Throws
 * `ConfigurationError` when no check is configured.
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
  const authenticate = createRequestAuthenticator(auth, { provider });
  return defineWebhookAdapter({
    provider,
    methods: ['POST'],
    sensitiveHeaders: (auth.headers ?? []).map(header => header.name),
    events: redpinEvents,
    authenticate,
    parseBody: request => parseRedpinBody(request.body),
    nativeType: (_request, body) => redpinNativeType(body),
    eventId: (_request, body) => redpinEventId(body),
  });
}

/** The adapter returned by {@link createRedpinAdapter}. */
export type RedpinAdapter = ReturnType<typeof createRedpinAdapter>;

/**
 * Every event the Redpin adapter emits: one member per native type with
 * `data` typed exactly, plus `redpin.unknown`.
 */
export type RedpinEvent = WebhookAdapterEvent<RedpinAdapter>;
