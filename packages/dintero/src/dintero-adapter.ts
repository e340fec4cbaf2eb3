import {
  defineWebhookAdapter,
  MethodNotAllowedError,
  safeParseJson,
  signatureVerification,
  type RawWebhookRequest,
  type WebhookAdapterV1,
  type WebhookAuthentication,
  type WebhookDeliveryFacts,
  type WebhookEventsOf,
  type WebhookIdentityClaim,
  type WebhookSubjectV1,
} from '@finhooks/core';
import type { DinteroAdapterSettings } from './dintero-adapter-settings';
import {
  dinteroRepeatedQueryWarning,
  parseDinteroCallback,
} from './dintero-callback-payload';
import {
  dinteroCallbackSignatureHeader,
  dinteroCallbackSignedMaterial,
} from './dintero-callback-signature';
import { verifyDinteroCallback } from './dintero-callback-verify';
import {
  dinteroCheckoutCallbackType,
  dinteroPaymentSubjectType,
} from './dintero-checkout-events';
import { dinteroEvents, type DinteroEventDefinitions } from './dintero-events';
import {
  dinteroDeliveryHeaderWarning,
  dinteroHeaderAliasWarning,
  dinteroHookIdentity,
  dinteroHookNativeType,
  dinteroPingType,
} from './dintero-hook-identity';
import {
  dinteroHooksSignatureHeader,
  verifyDinteroHooksRequest,
} from './dintero-hooks-verify';
import { dinteroLivemode } from './dintero-livemode';
import {
  dinteroUnsignedPing,
  isDinteroSubscription,
  redactDinteroSubscription,
} from './dintero-ping';
import { dinteroProvider } from './dintero-provider';
import { dinteroPublicUrl } from './dintero-public-url';
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

/** The payment (transaction) a callback is about: its signed `transaction_id`. */
function callbackSubject(
  request: RawWebhookRequest,
): WebhookSubjectV1 | undefined {
  const id = new URL(request.url).searchParams.get('transaction_id');
  return id === null || id === ''
    ? undefined
    : { type: dinteroPaymentSubjectType, id };
}

/**
 * Creates the Dintero adapter. It receives both Dintero mechanisms on one
 * provider: Hooks API deliveries (POST, `event-signature` HMAC-SHA1 of the
 * raw body) and Checkout `callback_url` calls (GET or POST to a path ending
 * in `callback`, `Dintero-Signature` HMAC-SHA256 over the URL with a
 * timestamp). `ping`, signed or (for a subscription without a secret) not,
 * is answered as a handshake.
 *
 * Identity: a Hooks delivery is identified by its signed `event_delivery`
 * (else by its signed bytes within `dedupWindowMs`); a callback by its
 * signed URL and account without the signature timestamp.
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
    // Neither signature is stored: a stored MAC lets whoever reads the
    // store test secret guesses offline.
    sensitiveHeaders: [
      dinteroHooksSignatureHeader,
      dinteroCallbackSignatureHeader,
    ],
    events: dinteroEvents,
    handshakeTypes: [dinteroPingType],
    contentWindowMs: resolved.dedupWindowMs,
    unsignedHandshake: request =>
      dinteroUnsignedPing(request, !isCallback(request)),
    async authenticate(request): Promise<WebhookAuthentication> {
      if (isCallback(request)) {
        // The account whose secret matched the signature.
        const account = await verifyDinteroCallback(request, resolved.checkout);
        return {
          verification: signatureVerification({ url: true, timestamp: true }),
          account,
          livemode: dinteroLivemode(account),
        };
      }
      if (request.method !== 'POST') {
        throw new MethodNotAllowedError({
          provider: dinteroProvider,
          allowed: ['POST'],
          message: `Dintero Hooks API deliveries use POST, not ${request.method}. Checkout callbacks go to a path ending in "/${resolved.callbackPath}".`,
        });
      }
      return {
        verification: await verifyDinteroHooksRequest(
          request,
          resolved.hooksSecret,
        ),
      };
    },
    parseBody: request => {
      if (isCallback(request)) return parseDinteroCallback(request);
      const body = safeParseJson(request.body, { provider: dinteroProvider });
      // A ping's body is the subscription: never hand its secret on.
      return request.headers.get('event')?.trim() === dinteroPingType &&
        isDinteroSubscription(body)
        ? redactDinteroSubscription(body)
        : body;
    },
    nativeType: (request, body) =>
      isCallback(request)
        ? // Named by finhooks from the (signed) callback path.
          { value: dinteroCheckoutCallbackType, from: 'url' }
        : dinteroHookNativeType(request, body),
    identity: (
      request,
      body,
      _nativeType,
      authentication,
    ): WebhookIdentityClaim => {
      if (!isCallback(request)) return dinteroHookIdentity(body);
      const url =
        resolved.checkout === undefined
          ? new URL(request.url)
          : dinteroPublicUrl(request, resolved.checkout);
      return {
        source: 'signed_material',
        material: dinteroCallbackSignedMaterial({
          // The account whose secret signed it; on a replay, the only one.
          accountId: authentication?.account ?? onlyAccount ?? '',
          method: request.method,
          url,
        }),
      };
    },
    describeDelivery: (request, body): WebhookDeliveryFacts => {
      if (isCallback(request)) {
        const subject = callbackSubject(request);
        const repeated = dinteroRepeatedQueryWarning(request);
        return {
          account: onlyAccount,
          livemode: dinteroLivemode(onlyAccount),
          ...(subject === undefined ? {} : { subject, subjectFrom: 'url' }),
          delivery: { headers: keptHeadersOf(request) },
          ...(repeated === undefined ? {} : { warnings: [repeated] }),
        };
      }
      const account = accountIdOf(body);
      const warnings = [
        dinteroHeaderAliasWarning(request, body),
        dinteroDeliveryHeaderWarning(request, body),
      ].filter(warning => warning !== undefined);
      return {
        account,
        livemode: dinteroLivemode(account),
        delivery: { headers: keptHeadersOf(request) },
        ...(warnings.length === 0 ? {} : { warnings }),
      };
    },
  });
}
