import type { NormalizedStatusV1 } from './normalized-status-v1';
import type {
  WebhookAuthenticityV1,
  WebhookIdentityV1,
} from './webhook-trust-v1';
import type { WebhookValidationIssueV1 } from './webhook-validation-issue-v1';

/** The main resource an event is about. */
export interface WebhookSubjectV1 {
  /** Resource kind, a normalized noun such as `payment` or `person`. */
  type: string;
  /** The provider's id of that resource. */
  id: string;
}

/** Transport facts that matter after the request is gone. */
export interface WebhookDeliveryV1 {
  /** The provider's attempt counter, where it sends one (Solaris). */
  attempt?: number;
  /** Selected non-secret headers worth keeping (entity ids, subscription ids). */
  headers?: Record<string, string>;
}

/**
 * The normalized envelope every adapter produces (spec version 1).
 *
 * The type parameters make each adapter's events a discriminated union on
 * `provider` + `nativeType` (and on the normalized `type`), so narrowing types
 * `data` exactly.
 */
export interface WebhookEventV1<
  TProvider extends string = string,
  TNativeType extends string = string,
  TType extends string = string,
  TData = unknown,
> {
  /** Envelope version; a breaking change adds a v2 beside v1. */
  specVersion: '1';
  /**
   * The stored event's id, unique per provider. The adapter proposes
   * `identity.key`; a store that keeps several events with one content key
   * (A, B, A for one subject) assigns `<key>.2`, `<key>.3`… atomically.
   */
  id: string;
  /** Where the dedup key comes from and what it is. */
  identity: WebhookIdentityV1;
  /** Which parts of this envelope were authenticated. */
  authenticity: WebhookAuthenticityV1;
  provider: TProvider;
  /** Normalized `<resource>.<action>`, or `<provider>.unknown`. */
  type: TType;
  /** The provider's own event name, exactly as sent. */
  nativeType: TNativeType;
  subject?: WebhookSubjectV1;
  /** The resource's new status as the provider spells it. */
  status?: string;
  /**
   * What `status` (or the event type itself, when it names the new state)
   * means in the shared vocabulary (docs/vocabulary.md).
   */
  normalizedStatus?: NormalizedStatusV1;
  /** ISO-8601 time from the payload, where it has one. */
  occurredAt?: string;
  /** ISO-8601 time the receiver accepted the request. */
  receivedAt: string;
  /** Production (`true`) or test (`false`), where the provider tells. */
  livemode?: boolean;
  /** The provider account the event belongs to, where the provider tells. */
  account?: string;
  /** The native payload, validated against its event type's schema. */
  data: TData;
  delivery: WebhookDeliveryV1;
}

/** An event type the adapter does not know yet (the provider added one). */
export type UnknownWebhookEventV1<TProvider extends string = string> =
  WebhookEventV1<TProvider, string, `${TProvider}.unknown`, unknown>;

/**
 * An authentic event whose payload failed its schema (provider drift). It is
 * never dropped: the router hands it to `onInvalid` handlers and a durable
 * store keeps it in quarantine for replay after an upgrade.
 */
export interface InvalidWebhookEventV1<
  TProvider extends string = string,
> extends WebhookEventV1<TProvider, string, string, unknown> {
  issues: WebhookValidationIssueV1[];
}

/** Any envelope: valid, unknown or invalid. */
export type AnyWebhookEventV1 = WebhookEventV1 | InvalidWebhookEventV1;
