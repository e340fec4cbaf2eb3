import {
  defineWebhookAdapter,
  MethodNotAllowedError,
  safeParseJson,
  type RawWebhookRequest,
  type WebhookAdapterV1,
  type WebhookDeliveryFacts,
  type WebhookEventsOf,
} from '@finhooks/core';
import type { DinteroAdapterSettings } from './dintero-adapter-settings';
import {
  dinteroCallbackEventId,
  parseDinteroCallback,
} from './dintero-callback-payload';
import { verifyDinteroCallback } from './dintero-callback-verify';
import { dinteroCheckoutCallbackType } from './dintero-checkout-events';
import { dinteroEvents, type DinteroEventDefinitions } from './dintero-events';
import {
  dinteroHeaderAliasWarning,
  dinteroPingType,
  readDinteroHookIdentity,
} from './dintero-hook-identity';
import { verifyDinteroHooksRequest } from './dintero-hooks-verify';
import { dinteroLivemode } from './dintero-livemode';
import { dinteroProvider } from './dintero-provider';
import { dinteroRequestKind } from './dintero-request-kind';
import { resolveDinteroSettings } from './dintero-resolve-settings';

/**
 * Every event the Dintero adapter emits: one member per native type with
 * `data` typed by its schema, plus `dintero.unknown` for new event names.
 */
export type DinteroEvent = WebhookEventsOf<
  typeof dinteroProvider,
  DinteroEventDefinitions
>;

/** The adapter returned by {@link createDinteroAdapter}. */
export type DinteroAdapter = WebhookAdapterV1<DinteroEvent>;

// Transport facts worth keeping after the request is gone.
const keptHeaders = ['event', 'event-delivery', 'user-agent'];

function keptHeadersOf(request: RawWebhookRequest): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = request.headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return kept;
}

function accountIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as { account_id?: unknown }).account_id;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Creates the Dintero adapter. It receives both Dintero mechanisms on one
 * provider: Hooks API deliveries (POST, `event-signature` HMAC-SHA1 of the
 * raw body) and Checkout `callback_url` calls (GET or POST to a path ending
 * in `callback`, `Dintero-Signature` HMAC-SHA256 over the URL with a
 * timestamp). `ping` is answered as a handshake.
 *
 * Throws `ConfigurationError` when neither mechanism has a secret.
 */
export function createDinteroAdapter(
  settings: DinteroAdapterSettings,
): DinteroAdapter {
  const resolved = resolveDinteroSettings(settings);
  const isCallback = (request: RawWebhookRequest) =>
    dinteroRequestKind(request, resolved.callbackPath) === 'callback';
  // With one configured account, a replayed callback (not re-verified)
  // still knows its account.
  const onlyAccount =
    resolved.checkout?.accountIds.length === 1
      ? resolved.checkout.accountIds[0]
      : undefined;

  return defineWebhookAdapter({
    provider: dinteroProvider,
    methods: ['POST', 'GET'],
    events: dinteroEvents,
    handshakeTypes: [dinteroPingType],
    async authenticate(request) {
      if (isCallback(request)) {
        // The account whose secret matched the signature.
        const account = await verifyDinteroCallback(request, resolved.checkout);
        return { account, livemode: dinteroLivemode(account) };
      }
      if (request.method !== 'POST') {
        throw new MethodNotAllowedError({
          provider: dinteroProvider,
          allowed: ['POST'],
          message: `Dintero Hooks API deliveries use POST, not ${request.method}. Checkout callbacks go to a path ending in "/${resolved.callbackPath}".`,
        });
      }
      await verifyDinteroHooksRequest(request, resolved.hooksSecret);
    },
    parseBody: request =>
      isCallback(request)
        ? parseDinteroCallback(request)
        : safeParseJson(request.body, { provider: dinteroProvider }),
    nativeType: (request, body) =>
      isCallback(request)
        ? dinteroCheckoutCallbackType
        : readDinteroHookIdentity(request, body, resolved).nativeType,
    eventId: (request, body) =>
      isCallback(request)
        ? dinteroCallbackEventId(request)
        : readDinteroHookIdentity(request, body, resolved).deliveryId,
    describeDelivery: (request, body): WebhookDeliveryFacts => {
      const account = isCallback(request) ? onlyAccount : accountIdOf(body);
      const alias = isCallback(request)
        ? undefined
        : dinteroHeaderAliasWarning(request, body);
      return {
        account,
        livemode: dinteroLivemode(account),
        delivery: { headers: keptHeadersOf(request) },
        ...(alias === undefined ? {} : { warnings: [alias] }),
      };
    },
  });
}
