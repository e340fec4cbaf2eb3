import type { RawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import { redactHeaders } from '../adapter/v1/redact-headers';
import type {
  WebhookAdapterEvent,
  WebhookAdapterV1,
  WebhookHandshakeV1,
} from '../adapter/v1/webhook-adapter-v1';
import type {
  AnyWebhookEventV1,
  InvalidWebhookEventV1,
  WebhookEventV1,
} from '../envelope/v1/webhook-event-v1';
import { ConfigurationError } from '../errors/configuration-error';
import { EventInProgressError } from '../errors/event-in-progress-error';
import { HandlerError } from '../errors/handler-error';
import { MethodNotAllowedError } from '../errors/method-not-allowed-error';
import { RouteNotFoundError } from '../errors/route-not-found-error';
import { StoreError } from '../errors/store-error';
import { createMemoryStore } from '../store/memory-store';
import type { WebhookClaimResult, WebhookStore } from '../store/webhook-store';
import {
  compilePattern,
  type WebhookPattern,
  type WebhookPatternEvent,
} from './webhook-pattern';

/** A handler's return value is ignored; throwing marks the event failed. */
export type WebhookHandler<TEvent> = (event: TEvent) => unknown;

/** Where an error happened, for `onError`. */
export interface WebhookErrorContext {
  provider?: string;
  event?: AnyWebhookEventV1;
}

/** The result of one delivery through the router. */
export type WebhookOutcome =
  | { status: 'accepted'; event: AnyWebhookEventV1; invalid: boolean }
  | { status: 'duplicate'; event: AnyWebhookEventV1 }
  | { status: 'handshake'; handshake: WebhookHandshakeV1 };

/** Options of {@link createWebhooks}. */
export interface CreateWebhooksOptions<
  TAdapters extends readonly WebhookAdapterV1[],
> {
  /** One adapter per provider. */
  adapters: TAdapters;
  /** Dedup store; default a bounded in-memory store. */
  store?: WebhookStore;
  /**
   * Keeps background work alive after the answer (durable stores run
   * handlers after the 2xx). Pass `ctx.waitUntil` on Workers.
   */
  waitUntil?: (promise: Promise<unknown>) => void;
}

/** The router returned by {@link createWebhooks}. */
export interface Webhooks<TEvent extends WebhookEventV1> {
  readonly adapters: ReadonlyMap<string, WebhookAdapterV1>;
  readonly store: WebhookStore;
  /** Runs `handler` for every event matching `pattern`; returns an unsubscribe. */
  on<const TPattern extends WebhookPattern<TEvent>>(
    pattern: TPattern,
    handler: WebhookHandler<WebhookPatternEvent<TEvent, TPattern>>,
  ): () => void;
  /** Every valid event (same as `on('*')`). */
  onAny(handler: WebhookHandler<TEvent>): () => void;
  /** Authentic events whose payload failed its schema (provider drift). */
  onInvalid(
    handler: WebhookHandler<InvalidWebhookEventV1<TEvent['provider']>>,
  ): () => void;
  /** Handshakes (Dintero ping, Solaris subscription check), if you want them. */
  onHandshake(handler: WebhookHandler<WebhookHandshakeV1>): () => void;
  /** Every error: refused requests, store failures, handler failures. */
  onError(
    handler: (error: unknown, context: WebhookErrorContext) => unknown,
  ): () => void;
  /**
   * The whole pipeline for one request: verify, parse, deduplicate, run
   * handlers. Throws typed finhooks errors (see `httpStatus`).
   */
  receive(
    provider: string,
    request: RawWebhookRequest,
  ): Promise<WebhookOutcome>;
  /** Runs the matching handlers of an event; throws `HandlerError`. */
  dispatch(event: AnyWebhookEventV1): Promise<void>;
}

/** The event union of all adapters in a list. */
export type WebhooksEvent<TAdapters extends readonly WebhookAdapterV1[]> =
  WebhookAdapterEvent<TAdapters[number]>;

interface Subscription {
  matches: (event: AnyWebhookEventV1) => boolean;
  handler: WebhookHandler<never>;
}

function subscribe<T>(list: T[], item: T): () => void {
  list.push(item);
  return () => {
    const index = list.indexOf(item);
    if (index !== -1) list.splice(index, 1);
  };
}

/**
 * Creates the router: adapters by provider, handlers by pattern, a dedup
 * store. Every matching handler runs, in registration order; their errors
 * are collected into one `HandlerError`.
 */
export function createWebhooks<
  const TAdapters extends readonly WebhookAdapterV1[],
>(
  options: CreateWebhooksOptions<TAdapters>,
): Webhooks<WebhooksEvent<TAdapters>> {
  const adapters = new Map<string, WebhookAdapterV1>();
  for (const adapter of options.adapters) {
    if (adapters.has(adapter.provider)) {
      throw new ConfigurationError({
        provider: adapter.provider,
        message: `Two adapters were registered for "${adapter.provider}"; register one per provider.`,
      });
    }
    adapters.set(adapter.provider, adapter);
  }
  const store = options.store ?? createMemoryStore();
  const subscriptions: Subscription[] = [];
  const invalidHandlers: WebhookHandler<never>[] = [];
  const handshakeHandlers: WebhookHandler<WebhookHandshakeV1>[] = [];
  const errorHandlers: ((
    error: unknown,
    context: WebhookErrorContext,
  ) => unknown)[] = [];

  function reportError(error: unknown, context: WebhookErrorContext): void {
    for (const handler of errorHandlers) {
      try {
        void Promise.resolve(handler(error, context)).catch(() => {});
      } catch {
        // An error reporter must never break the pipeline.
      }
    }
  }

  async function dispatch(event: AnyWebhookEventV1): Promise<void> {
    const handlers =
      'issues' in event
        ? invalidHandlers
        : subscriptions.filter(s => s.matches(event)).map(s => s.handler);
    const errors: unknown[] = [];
    for (const handler of handlers) {
      try {
        await (handler as WebhookHandler<AnyWebhookEventV1>)(event);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) {
      throw new HandlerError({
        provider: event.provider,
        eventId: event.id,
        errors,
        message: `${errors.length} of ${handlers.length} handler(s) failed for ${event.provider} event ${event.id} (${event.type}): ${errors
          .map(error =>
            error instanceof Error ? error.message : String(error),
          )
          .join('; ')}`,
        cause: errors[0],
      });
    }
  }

  async function process(event: AnyWebhookEventV1): Promise<void> {
    const key = { provider: event.provider, id: event.id };
    try {
      await dispatch(event);
    } catch (error) {
      reportError(error, { provider: event.provider, event });
      await store.fail(key, error);
      throw error;
    }
    await store.complete(key);
  }

  async function receive(
    provider: string,
    request: RawWebhookRequest,
  ): Promise<WebhookOutcome> {
    try {
      const adapter = adapters.get(provider);
      if (adapter === undefined) {
        throw new RouteNotFoundError({
          provider,
          message: `No adapter is registered for "${provider}". Registered: ${[...adapters.keys()].join(', ') || 'none'}.`,
        });
      }
      if (!adapter.methods.includes(request.method)) {
        throw new MethodNotAllowedError({
          provider,
          allowed: adapter.methods,
          message: `${provider} webhooks use ${adapter.methods.join(' or ')}, not ${request.method}.`,
        });
      }
      const result = await adapter.receive(request);
      if (result.kind === 'handshake') {
        for (const handler of handshakeHandlers) {
          try {
            await handler(result.handshake);
          } catch (error) {
            reportError(error, { provider });
          }
        }
        return { status: 'handshake', handshake: result.handshake };
      }
      const { event } = result;
      let claim: WebhookClaimResult;
      try {
        claim = await store.claim({
          event,
          delivery: {
            method: request.method,
            url: request.url,
            headers: redactHeaders(request.headers, adapter.sensitiveHeaders),
            body: request.body,
          },
        });
      } catch (cause) {
        throw new StoreError({
          provider,
          cause,
          message: `The event store failed to record ${provider} event ${event.id}; answering 500 so the provider retries.`,
        });
      }
      if (claim === 'duplicate') return { status: 'duplicate', event };
      if (claim === 'in_progress') {
        throw new EventInProgressError({
          provider,
          message: `${provider} event ${event.id} is being processed by another delivery; retry later.`,
        });
      }
      const invalid = result.kind === 'invalid';
      if (store.durable) {
        // Committed: acknowledge now; failures are retried from the store.
        const background = process(event).catch(() => {});
        options.waitUntil?.(background);
      } else {
        await process(event);
      }
      return { status: 'accepted', event, invalid };
    } catch (error) {
      if (!HandlerError.isInstance(error)) reportError(error, { provider });
      throw error;
    }
  }

  return {
    adapters,
    store,
    on(pattern, handler) {
      return subscribe(subscriptions, {
        matches: compilePattern(pattern),
        handler: handler as WebhookHandler<never>,
      });
    },
    onAny(handler) {
      return subscribe(subscriptions, {
        matches: () => true,
        handler: handler as WebhookHandler<never>,
      });
    },
    onInvalid(handler) {
      return subscribe(invalidHandlers, handler as WebhookHandler<never>);
    },
    onHandshake(handler) {
      return subscribe(handshakeHandlers, handler);
    },
    onError(handler) {
      return subscribe(errorHandlers, handler);
    },
    receive,
    dispatch,
  };
}
