import type { NormalizedStatusV1 } from '../envelope/v1/normalized-status-v1';
import type {
  AnyWebhookEventV1,
  WebhookEventV1,
} from '../envelope/v1/webhook-event-v1';

type ResourceOf<TType extends string> =
  TType extends `${infer TResource}.${string}` ? TResource : never;

// Known native types only: a typo must not compile. Events of types the
// adapter does not know yet are matched with `'<provider>.unknown'`.
type ProviderNativeType<TEvent> = TEvent extends WebhookEventV1
  ? TEvent['type'] extends `${string}.unknown`
    ? never
    : `${TEvent['provider']}:${TEvent['nativeType']}`
  : never;

type TypePattern<TEvent extends WebhookEventV1> =
  TEvent['type'] | `${ResourceOf<TEvent['type']>}.*`;

/**
 * What `on()` accepts: `*`, a normalized type (`customer.updated`), a
 * resource wildcard (`payment.*`), `provider:nativeType`
 * (`dintero:checkout_transaction`), or a type or wildcard with a normalized
 * status (`payment.status_changed#failed`, `customer.*#inactive`): one
 * handler for "a payment failed" across every provider.
 */
export type WebhookPattern<TEvent extends WebhookEventV1> =
  | '*'
  | TypePattern<TEvent>
  | `${TypePattern<TEvent>}#${NormalizedStatusV1}`
  | ProviderNativeType<TEvent>;

/** The events a pattern matches, so a handler's `event.data` is exact. */
export type WebhookPatternEvent<
  TEvent extends WebhookEventV1,
  TPattern extends string,
> = TPattern extends `${infer TTypePattern}#${infer TStatus}`
  ? WebhookPatternEvent<TEvent, TTypePattern> & { normalizedStatus: TStatus }
  : TPattern extends '*'
    ? TEvent
    : TPattern extends `${infer TProvider}:${infer TNative}`
      ? Extract<TEvent, { provider: TProvider; nativeType: TNative }>
      : TPattern extends `${infer TResource}.*`
        ? Extract<TEvent, { type: `${TResource}.${string}` }>
        : Extract<TEvent, { type: TPattern }>;

/** Runtime matcher of a pattern (same grammar as {@link WebhookPattern}). */
export function compilePattern(
  pattern: string,
): (event: AnyWebhookEventV1) => boolean {
  if (pattern === '*') return () => true;
  const hash = pattern.lastIndexOf('#');
  if (hash > 0) {
    const matchesType = compilePattern(pattern.slice(0, hash));
    const status = pattern.slice(hash + 1);
    return event => event.normalizedStatus === status && matchesType(event);
  }
  const colon = pattern.indexOf(':');
  if (colon > 0) {
    const provider = pattern.slice(0, colon);
    const nativeType = pattern.slice(colon + 1);
    return event =>
      event.provider === provider && event.nativeType === nativeType;
  }
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -1);
    return event => event.type.startsWith(prefix);
  }
  return event => event.type === pattern;
}
