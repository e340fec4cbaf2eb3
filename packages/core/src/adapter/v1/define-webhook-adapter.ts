import { safeParse, type $ZodError } from 'zod/v4/core';
import type {
  InvalidWebhookEventV1,
  WebhookDeliveryV1,
  WebhookEventV1,
  WebhookSubjectV1,
} from '../../envelope/v1/webhook-event-v1';
import {
  isCovered,
  type WebhookAuthenticityV1,
  type WebhookIdentityV1,
  type WebhookPartSourceV1,
  type WebhookVerificationV1,
} from '../../envelope/v1/webhook-trust-v1';
import type { WebhookValidationIssueV1 } from '../../envelope/v1/webhook-validation-issue-v1';
import { FinhooksError } from '../../errors/finhooks-error';
import { issueMessage } from '../../utils/issue-message';
import { deterministicEventId } from '../../utils/deterministic-event-id';
import { redactSecrets } from '../../utils/redact-secrets';
import { safeParseJson } from '../../utils/safe-parse-json';
import { toIsoTimestamp } from '../../utils/to-iso-timestamp';
import type { RawWebhookRequest } from './raw-webhook-request';
import type {
  WebhookAdapterV1,
  WebhookHandshakeV1,
  WebhookReceiveOptionsV1,
  WebhookReceiveResultV1,
  WebhookWarningV1,
} from './webhook-adapter-v1';
import type {
  WebhookEventDefinition,
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
  /**
   * Where `subject` was read from; it is flagged authenticated only when
   * the verification covered that part. Unset: authenticated only under a
   * `credentials` scheme.
   */
  subjectFrom?: WebhookPartSourceV1;
  delivery?: WebhookDeliveryV1;
  /** Non-fatal anomalies of this delivery (a deprecated header spelling…). */
  warnings?: readonly WebhookWarningV1[];
}

/** What `authenticate` returns: what its check covered, and facts it learned. */
export interface WebhookAuthentication extends WebhookDeliveryFacts {
  verification: WebhookVerificationV1;
}

/** The native type and where it was read from. */
export interface WebhookNativeType {
  value: string;
  from: WebhookPartSourceV1;
}

/**
 * Where a delivery's identity comes from (see {@link WebhookIdentityV1}):
 * a provider id inside the authenticated bytes, signed material that
 * identifies the delivery, or the authenticated bytes themselves.
 */
export type WebhookIdentityClaim =
  | { source: 'provider_id'; id: string }
  | { source: 'signed_material'; material: string | Uint8Array }
  | {
      source: 'content';
      /** This event type's window, where it differs from the adapter's. */
      windowMs?: number;
    };

/** Default window of content identities: one day. */
export const DEFAULT_CONTENT_WINDOW_MS = 24 * 60 * 60 * 1000;

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
   * Returns what the check covered (honestly: it fills the envelope's
   * `authenticity`) and facts learned while verifying (the account whose
   * secret matched), which override `describeDelivery`'s. A replay
   * (`alreadyVerified`) skips it and takes `account` and `livemode` from
   * the stored event (`verifiedFacts`) instead.
   */
  authenticate: (request: RawWebhookRequest) => Promise<WebhookAuthentication>;
  /** Turns the raw body into a payload; default: safe JSON parse. */
  parseBody?: (request: RawWebhookRequest) => unknown;
  /** The native event type and where it was read from (headers, body or path). */
  nativeType: (request: RawWebhookRequest, body: unknown) => WebhookNativeType;
  /** Native types that are signed handshakes (Dintero `ping`). */
  handshakeTypes?: readonly string[];
  /**
   * Where the delivery's identity comes from; default `content`. Only
   * authenticated material may decide it: never an unsigned header.
   */
  identity?: (
    request: RawWebhookRequest,
    body: unknown,
    nativeType: string,
    /** What `authenticate` returned (undefined on a replay). */
    authentication: WebhookAuthentication | undefined,
  ) => WebhookIdentityClaim;
  /**
   * `content` identities: how long identical authenticated bytes for the
   * same subject count as a retry, in ms (cover the provider's retry
   * period). Default one day.
   */
  contentWindowMs?: number;
  describeDelivery?: (
    request: RawWebhookRequest,
    body: unknown,
  ) => WebhookDeliveryFacts;
}

/** The resource a normalized `<noun>.<action>` type names. */
function nounOf(type: string): string {
  const dot = type.indexOf('.');
  return dot === -1 ? type : type.slice(0, dot);
}

function toIssues(error: $ZodError): WebhookValidationIssueV1[] {
  return error.issues.map(issue => ({
    path: issue.path.map(part =>
      typeof part === 'symbol' ? String(part) : part,
    ),
    message: issue.message,
    code: issue.code,
  }));
}

async function identityOf(
  provider: string,
  nativeType: string,
  claim: WebhookIdentityClaim,
  body: Uint8Array,
  defaultWindowMs: number,
  subject: WebhookSubjectV1 | undefined,
): Promise<WebhookIdentityV1> {
  if (claim.source === 'provider_id')
    return { source: claim.source, key: claim.id };
  if (claim.source === 'signed_material') {
    const material =
      typeof claim.material === 'string'
        ? new TextEncoder().encode(claim.material)
        : claim.material;
    return {
      source: claim.source,
      key: await deterministicEventId(provider, nativeType, material),
    };
  }
  // The subject is part of a content key: `{}` signed once per type must
  // not give every person of a header-only event the same key.
  const scope =
    subject === undefined
      ? nativeType
      : `${nativeType}\n${subject.type}\n${subject.id}`;
  return {
    source: 'content',
    key: await deterministicEventId(provider, scope, body),
    windowMs: claim.windowMs ?? defaultWindowMs,
  };
}

function applyFacts(
  event: WebhookEventV1,
  facts: WebhookEventFacts | WebhookDeliveryFacts,
  warnings: WebhookWarningV1[],
): void {
  if (facts.subject !== undefined) event.subject = facts.subject;
  if (
    'status' in facts &&
    typeof facts.status === 'string' &&
    facts.status !== ''
  ) {
    event.status = facts.status;
  }
  if (
    'normalizedStatus' in facts &&
    facts.normalizedStatus !== undefined &&
    facts.normalizedStatus !== 'unmapped'
  ) {
    event.normalizedStatus = facts.normalizedStatus;
  }
  if ('occurredAt' in facts && facts.occurredAt != null) {
    const occurredAt = toIsoTimestamp(facts.occurredAt);
    if (occurredAt !== undefined) event.occurredAt = occurredAt;
    else {
      warnings.push({
        type: 'compatibility',
        message: `Unparseable ${event.provider} timestamp ${JSON.stringify(String(facts.occurredAt).slice(0, 64))}: occurredAt left unset.`,
      });
    }
  }
  if (facts.livemode !== undefined) event.livemode = facts.livemode;
  if (typeof facts.account === 'string' && facts.account !== '')
    event.account = facts.account;
}

/**
 * The normalized status from the definition: the one the type names wins;
 * else the decision for the provider's spelling; an undocumented spelling
 * stays unmapped and is reported.
 */
function applyStatusDecision(
  event: WebhookEventV1,
  definition: WebhookEventDefinition,
  facts: WebhookEventFacts,
  warnings: WebhookWarningV1[],
): void {
  if (definition.normalizedStatus !== undefined) {
    event.normalizedStatus = definition.normalizedStatus;
    return;
  }
  if (facts.normalizedStatus !== undefined || definition.statuses === undefined)
    return;
  const status = event.status;
  if (status === undefined) return;
  const decision = Object.hasOwn(definition.statuses, status)
    ? definition.statuses[status]
    : undefined;
  if (decision === undefined) {
    warnings.push({
      type: 'compatibility',
      message: `Undocumented ${event.provider} ${event.nativeType} status ${JSON.stringify(status.slice(0, 64))}: no normalizedStatus.`,
    });
  } else if (decision !== 'unmapped') event.normalizedStatus = decision;
}

/**
 * What a replay's first verification established: the recorded check
 * (`alreadyVerified`) and the facts it learned (`verifiedFacts`).
 */
function replayedAuthentication(
  recorded: WebhookVerificationV1,
  facts: WebhookReceiveOptionsV1['verifiedFacts'] = {},
): WebhookAuthentication {
  return {
    verification: {
      scheme: recorded.scheme,
      body: recorded.body,
      timestamp: recorded.timestamp,
      url: recorded.url,
      headers: [...recorded.headers],
    },
    ...(facts.account === undefined ? {} : { account: facts.account }),
    ...(facts.livemode === undefined ? {} : { livemode: facts.livemode }),
  };
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
  const contentWindowMs = spec.contentWindowMs ?? DEFAULT_CONTENT_WINDOW_MS;

  return {
    specVersion: 'v1',
    provider,
    methods: spec.methods ?? ['POST'],
    nativeTypes: Object.keys(spec.events),
    catalogue: Object.entries(spec.events).map(([nativeType, definition]) => ({
      nativeType,
      type: definition.type,
      subjectType: definition.subjectType ?? nounOf(definition.type),
      ...(definition.statuses === undefined
        ? {}
        : { statuses: definition.statuses }),
      ...(definition.normalizedStatus === undefined
        ? {}
        : { normalizedStatus: definition.normalizedStatus }),
    })),
    sensitiveHeaders: (spec.sensitiveHeaders ?? []).map(name =>
      name.toLowerCase(),
    ),
    async receive(
      request,
      options = {},
    ): Promise<WebhookReceiveResultV1<TEvent>> {
      const warnings: WebhookWarningV1[] = [];
      const unsigned = spec.unsignedHandshake?.(request);
      if (unsigned !== undefined) {
        const handshake =
          unsigned.data === undefined
            ? unsigned
            : { ...unsigned, data: redactSecrets(unsigned.data) };
        return { kind: 'handshake', handshake, warnings };
      }

      // Authenticity first: nothing is parsed before the raw bytes verify.
      const verified =
        options.alreadyVerified === undefined
          ? await spec.authenticate(request)
          : replayedAuthentication(
              options.alreadyVerified,
              options.verifiedFacts,
            );
      const { verification } = verified;
      const body = spec.parseBody
        ? spec.parseBody(request)
        : safeParseJson(request.body, { provider });
      const native = spec.nativeType(request, body);
      const nativeType = native.value;
      if (handshakeTypes.has(nativeType)) {
        return {
          kind: 'handshake',
          handshake: {
            provider,
            nativeType,
            response: { status: 200 },
            // A subscription object may carry its secret: never hand it on.
            data: redactSecrets(body),
          },
          warnings,
        };
      }

      const claim = spec.identity?.(request, body, nativeType, verified) ?? {
        source: 'content',
      };
      // Known once the subject is (a content key is per subject).
      const identify = async (target: WebhookEventV1): Promise<void> => {
        target.identity = await identityOf(
          provider,
          nativeType,
          claim,
          request.body,
          contentWindowMs,
          target.subject,
        );
        target.id = target.identity.key;
      };
      const authenticity: WebhookAuthenticityV1 = {
        ...verification,
        type: isCovered(verification, native.from),
      };
      const event: WebhookEventV1 = {
        specVersion: '1',
        id: '',
        identity: { source: claim.source, key: '' },
        authenticity,
        provider,
        type: `${provider}.unknown`,
        nativeType,
        receivedAt: (options.receivedAt ?? new Date()).toISOString(),
        data: body,
        delivery: {},
      };
      let subjectFrom: WebhookPartSourceV1 | undefined;
      for (const facts of [spec.describeDelivery?.(request, body), verified]) {
        if (facts === undefined) continue;
        applyFacts(event, facts, warnings);
        if (facts.subject !== undefined) subjectFrom = facts.subjectFrom;
        if (facts.delivery !== undefined) event.delivery = facts.delivery;
        warnings.push(...(facts.warnings ?? []));
      }
      const flagSubject = (from: WebhookPartSourceV1 | undefined): void => {
        if (event.subject === undefined) return;
        authenticity.subject =
          from === undefined
            ? verification.scheme === 'credentials'
            : isCovered(verification, from);
      };
      flagSubject(subjectFrom);

      const definition = Object.hasOwn(spec.events, nativeType)
        ? spec.events[nativeType]
        : undefined;
      if (definition === undefined) {
        warnings.push({
          type: 'unsupported',
          message: `Unknown ${provider} event type "${nativeType}": delivered as ${provider}.unknown.`,
        });
        await identify(event);
        return { kind: 'event', event: event as TEvent, warnings };
      }

      event.type = definition.type;
      // Our own messages for this parse only: the host's zod config stays as is.
      const parsed = safeParse(definition.schema, body, {
        error: issueMessage,
      });
      if (!parsed.success) {
        const invalid: InvalidWebhookEventV1<TProvider> = {
          ...(event as WebhookEventV1<TProvider>),
          issues: toIssues(parsed.error),
        };
        await identify(invalid);
        return { kind: 'invalid', event: invalid, warnings };
      }
      event.data = parsed.data;
      try {
        const facts =
          definition.describe?.(parsed.data, { request, nativeType }) ?? {};
        applyFacts(event, facts, warnings);
        applyStatusDecision(event, definition, facts, warnings);
        if (facts.subject !== undefined) flagSubject('body');
      } catch (cause) {
        // A mapping bug (or a mapping that throws a finhooks error to say
        // the payload lacks something) must not lose an authentic event:
        // quarantine it.
        const invalid: InvalidWebhookEventV1<TProvider> = {
          ...(event as WebhookEventV1<TProvider>),
          issues: [
            FinhooksError.isInstance(cause)
              ? { path: [], code: cause.code, message: cause.message }
              : { path: [], code: 'mapping_failed', message: String(cause) },
          ],
        };
        await identify(invalid);
        return { kind: 'invalid', event: invalid, warnings };
      }
      await identify(event);
      return { kind: 'event', event: event as TEvent, warnings };
    },
  };
}
