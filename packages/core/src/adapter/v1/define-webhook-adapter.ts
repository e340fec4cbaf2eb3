import type { z } from 'zod';
import type {
  InvalidWebhookEventV1,
  WebhookDeliveryV1,
  WebhookEventV1,
  WebhookSubjectV1,
} from '../../envelope/v1/webhook-event-v1';
import type { WebhookValidationIssueV1 } from '../../envelope/v1/webhook-validation-issue-v1';
import { deterministicEventId } from '../../utils/deterministic-event-id';
import { safeParseJson } from '../../utils/safe-parse-json';
import { toIsoTimestamp } from '../../utils/to-iso-timestamp';
import type { RawWebhookRequest } from './raw-webhook-request';
import type {
  WebhookAdapterV1,
  WebhookHandshakeV1,
  WebhookReceiveResultV1,
  WebhookWarningV1,
} from './webhook-adapter-v1';
import type {
  WebhookEventDefinitions,
  WebhookEventFacts,
  WebhookEventsOf,
} from './webhook-event-definition';

/** Facts that hold for every event of one delivery, whatever its type. */
export interface WebhookDeliveryFacts {
  livemode?: boolean | undefined;
  account?: string | null | undefined;
  /** A subject known from the transport (Solaris `Solaris-Entity-Id`). */
  subject?: WebhookSubjectV1 | undefined;
  delivery?: WebhookDeliveryV1;
  /** Non-fatal anomalies of this delivery (a deprecated header spelling…). */
  warnings?: readonly WebhookWarningV1[];
}

/**
 * How a provider's deliveries are authenticated, identified and read. The
 * shared pipeline (verify → parse → validate → map) lives in
 * {@link defineWebhookAdapter}, so every adapter behaves the same.
 */
export interface WebhookAdapterSpec<
  TProvider extends string,
  TDefinitions extends WebhookEventDefinitions,
> {
  provider: TProvider;
  /** HTTP methods the provider uses; default `['POST']`. */
  methods?: readonly string[];
  /** Headers carrying credentials, dropped from stored deliveries and logs. */
  sensitiveHeaders?: readonly string[];
  events: TDefinitions;
  /**
   * Recognises a handshake the provider sends unsigned (Solaris's
   * subscription check). Runs before authentication, so keep it narrow.
   */
  unsignedHandshake?: (
    request: RawWebhookRequest,
  ) => WebhookHandshakeV1 | undefined;
  /**
   * Verifies the raw request; throws a finhooks error when not authentic.
   * May return facts learned while verifying (the account whose secret
   * matched); they override `describeDelivery`'s. A replay
   * (`alreadyVerified`) skips it, so keep such facts derivable otherwise
   * where possible.
   */
  authenticate: (
    request: RawWebhookRequest,
  ) => Promise<WebhookDeliveryFacts | void>;
  /** Turns the raw body into a payload; default: safe JSON parse. */
  parseBody?: (request: RawWebhookRequest) => unknown;
  /** The native event type, from headers, body or path. */
  nativeType: (request: RawWebhookRequest, body: unknown) => string;
  /** Native types that are signed handshakes (Dintero `ping`). */
  handshakeTypes?: readonly string[];
  /**
   * The provider's own event/delivery id; undefined → the deterministic hash
   * of provider, native type and raw body. May be async, e.g. to hash more
   * than the body (a header-only event's entity id).
   */
  eventId?: (
    request: RawWebhookRequest,
    body: unknown,
    nativeType: string,
  ) => string | undefined | Promise<string | undefined>;
  describeDelivery?: (
    request: RawWebhookRequest,
    body: unknown,
  ) => WebhookDeliveryFacts;
}

function toIssues(error: z.ZodError): WebhookValidationIssueV1[] {
  return error.issues.map(issue => ({
    path: issue.path.map(part =>
      typeof part === 'symbol' ? String(part) : part,
    ),
    message: issue.message,
    code: issue.code,
  }));
}

function applyFacts(
  event: WebhookEventV1,
  facts: WebhookEventFacts | WebhookDeliveryFacts,
): void {
  if (facts.subject !== undefined) event.subject = facts.subject;
  if (
    'status' in facts &&
    typeof facts.status === 'string' &&
    facts.status !== ''
  ) {
    event.status = facts.status;
  }
  if ('occurredAt' in facts) {
    const occurredAt = toIsoTimestamp(facts.occurredAt);
    if (occurredAt !== undefined) event.occurredAt = occurredAt;
  }
  if (facts.livemode !== undefined) event.livemode = facts.livemode;
  if (typeof facts.account === 'string' && facts.account !== '')
    event.account = facts.account;
}

/**
 * Builds a {@link WebhookAdapterV1} from a provider spec. Unknown native
 * types become `<provider>.unknown` events; payloads failing their schema
 * become `kind: 'invalid'` results with the validation issues.
 */
export function defineWebhookAdapter<
  TProvider extends string,
  TDefinitions extends WebhookEventDefinitions,
>(
  spec: WebhookAdapterSpec<TProvider, TDefinitions>,
): WebhookAdapterV1<WebhookEventsOf<TProvider, TDefinitions>> {
  type TEvent = WebhookEventsOf<TProvider, TDefinitions>;
  const { provider } = spec;
  const handshakeTypes = new Set(spec.handshakeTypes ?? []);

  return {
    specVersion: 'v1',
    provider,
    methods: spec.methods ?? ['POST'],
    nativeTypes: Object.keys(spec.events),
    sensitiveHeaders: (spec.sensitiveHeaders ?? []).map(name =>
      name.toLowerCase(),
    ),
    async receive(
      request,
      options = {},
    ): Promise<WebhookReceiveResultV1<TEvent>> {
      const warnings: WebhookWarningV1[] = [];
      const unsigned = spec.unsignedHandshake?.(request);
      if (unsigned !== undefined)
        return { kind: 'handshake', handshake: unsigned, warnings };

      // Authenticity first: nothing is parsed before the raw bytes verify.
      const verifiedFacts =
        options.alreadyVerified === true
          ? undefined
          : await spec.authenticate(request);
      const body = spec.parseBody
        ? spec.parseBody(request)
        : safeParseJson(request.body, { provider });
      const nativeType = spec.nativeType(request, body);
      if (handshakeTypes.has(nativeType)) {
        return {
          kind: 'handshake',
          handshake: {
            provider,
            nativeType,
            response: { status: 200 },
            data: body,
          },
          warnings,
        };
      }

      const event: WebhookEventV1 = {
        specVersion: '1',
        id:
          (await spec.eventId?.(request, body, nativeType)) ??
          (await deterministicEventId(provider, nativeType, request.body)),
        provider,
        type: `${provider}.unknown`,
        nativeType,
        receivedAt: (options.receivedAt ?? new Date()).toISOString(),
        data: body,
        delivery: {},
      };
      for (const facts of [
        spec.describeDelivery?.(request, body),
        verifiedFacts ?? undefined,
      ]) {
        if (facts === undefined) continue;
        applyFacts(event, facts);
        if (facts.delivery !== undefined) event.delivery = facts.delivery;
        warnings.push(...(facts.warnings ?? []));
      }

      const definition = Object.hasOwn(spec.events, nativeType)
        ? spec.events[nativeType]
        : undefined;
      if (definition === undefined) {
        warnings.push({
          type: 'unsupported',
          message: `Unknown ${provider} event type "${nativeType}": delivered as ${provider}.unknown.`,
        });
        return { kind: 'event', event: event as TEvent, warnings };
      }

      event.type = definition.type;
      const parsed = definition.schema.safeParse(body);
      if (!parsed.success) {
        const invalid: InvalidWebhookEventV1<TProvider> = {
          ...(event as WebhookEventV1<TProvider>),
          issues: toIssues(parsed.error),
        };
        return { kind: 'invalid', event: invalid, warnings };
      }
      event.data = parsed.data;
      try {
        applyFacts(
          event,
          definition.describe?.(parsed.data, { request, nativeType }) ?? {},
        );
      } catch (cause) {
        // A mapping bug must not lose an authentic event: quarantine it.
        const invalid: InvalidWebhookEventV1<TProvider> = {
          ...(event as WebhookEventV1<TProvider>),
          issues: [
            { path: [], code: 'mapping_failed', message: String(cause) },
          ],
        };
        return { kind: 'invalid', event: invalid, warnings };
      }
      return { kind: 'event', event: event as TEvent, warnings };
    },
  };
}
