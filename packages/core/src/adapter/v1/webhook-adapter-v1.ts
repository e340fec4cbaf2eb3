import type {
  InvalidWebhookEventV1,
  WebhookEventV1,
} from '../../envelope/v1/webhook-event-v1';
import type { WebhookVerificationV1 } from '../../envelope/v1/webhook-trust-v1';
import type { RawWebhookRequest } from './raw-webhook-request';
import type { WebhookCatalogueEntryV1 } from './webhook-event-definition';

/** A non-fatal anomaly noticed while receiving (never a reason to drop). */
export interface WebhookWarningV1 {
  type: 'unsupported' | 'compatibility' | 'other';
  message: string;
}

/** An answer to a provider's handshake (Dintero ping, Solaris check). */
export interface WebhookHandshakeV1 {
  provider: string;
  nativeType: string;
  /** What to answer; 200 with an empty body unless the provider needs more. */
  response: { status: number; headers?: Record<string, string>; body?: string };
  /** The handshake payload, if any (Dintero sends the subscription). */
  data?: unknown;
}

/** What {@link WebhookAdapterV1.receive} made of an authentic request. */
export type WebhookReceiveResultV1<
  TEvent extends WebhookEventV1 = WebhookEventV1,
> =
  | { kind: 'event'; event: TEvent; warnings: WebhookWarningV1[] }
  | {
      kind: 'invalid';
      event: InvalidWebhookEventV1<TEvent['provider']>;
      warnings: WebhookWarningV1[];
    }
  | {
      kind: 'handshake';
      handshake: WebhookHandshakeV1;
      warnings: WebhookWarningV1[];
    };

/** Per-call options of `receive`. */
export interface WebhookReceiveOptionsV1 {
  /** When the request was accepted; defaults to now. */
  receivedAt?: Date;
  /**
   * Skip authentication because this exact request was verified when it
   * was first received (a replay from a durable store after an upgrade):
   * pass the stored event's `authenticity`, which is carried over. Never
   * set it for a live request.
   */
  alreadyVerified?: WebhookVerificationV1;
  /**
   * With `alreadyVerified`: what that first verification established, from
   * the stored event (`account`, `livemode`). Only the check itself could
   * tell which of several configured accounts signed a delivery (a Dintero
   * callback), so without them a replay cannot name the account.
   */
  verifiedFacts?: {
    account?: string | undefined;
    livemode?: boolean | undefined;
  };
}

/**
 * The contract every provider adapter implements (spec version 1): verify
 * the raw request before parsing, parse safely, validate with zod, map to
 * the normalized envelope, and recognise handshakes.
 *
 * `receive` throws typed finhooks errors for unauthentic or malformed
 * requests. An authentic payload that fails its schema is returned as
 * `kind: 'invalid'`, never thrown away.
 */
export interface WebhookAdapterV1<
  TEvent extends WebhookEventV1 = WebhookEventV1,
> {
  readonly specVersion: 'v1';
  readonly provider: TEvent['provider'];
  /** HTTP methods the provider uses (the handlers answer 405 to others). */
  readonly methods: readonly string[];
  /** The native event types this adapter knows, for docs and diagnostics. */
  readonly nativeTypes: readonly string[];
  /**
   * Each known native type with its normalized type, subject type and
   * status decisions (docs/events.md is made from it).
   */
  readonly catalogue?: readonly WebhookCatalogueEntryV1[];
  /**
   * Lower-case names of headers that carry credentials (a configured
   * `api-key`): stores and logs drop them. `authorization`, `cookie` and
   * `proxy-authorization` are always dropped.
   */
  readonly sensitiveHeaders: readonly string[];
  receive(
    request: RawWebhookRequest,
    options?: WebhookReceiveOptionsV1,
  ): Promise<WebhookReceiveResultV1<TEvent>>;
  /** Type-level only: the adapter's event union. Never set at runtime. */
  readonly '~event'?: TEvent;
}

/** The event union of an adapter type. */
export type WebhookAdapterEvent<TAdapter> =
  TAdapter extends WebhookAdapterV1<infer TEvent> ? TEvent : never;
