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
import { FinhooksError } from '../errors/finhooks-error';
import type { WebhookClaimResult, WebhookStore } from '../store/webhook-store';
import { createLogRateLimiter } from './log-rate-limiter';
import {
  createConsoleLogger,
  truncateForLog,
  type WebhookLogger,
} from './webhook-logger';
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
  /**
   * Where refused deliveries, failures, warnings and events no handler
   * took are logged (pino-compatible). Default: the console, warnings and
   * errors only. Lines are rate-limited per reason, so a flood of forged
   * requests costs a few lines a minute.
   */
  logger?: WebhookLogger;
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
  /**
   * Hands an error to `onError` and the logger: for HTTP handlers, whose
   * refusals (no route, body too large, body already parsed) happen
   * before `receive`.
   */
  reportError(error: unknown, context: WebhookErrorContext): void;
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

  const logger = options.logger ?? createConsoleLogger();
  const limiter = createLogRateLimiter();

  /** Logs one line per reason, rate-limited, with a count of what was dropped. */
  function logLimited(
    level: 'info' | 'warn' | 'error',
    reason: string,
    fields: Record<string, unknown>,
    message: string,
  ): void {
    const { log, suppressedBefore } = limiter.take(reason);
    try {
      if (suppressedBefore > 0) {
        logger[level](
          { reason, suppressed: suppressedBefore },
          `${suppressedBefore} more "${reason}" lines were suppressed in the last minute`,
        );
      }
      if (log) logger[level]({ reason, ...fields }, message);
    } catch {
      // A broken logger must never change the answer.
    }
  }

  function logError(error: unknown, context: WebhookErrorContext): void {
    const provider = context.provider ?? context.event?.provider;
    if (FinhooksError.isInstance(error)) {
      const status = error.httpStatus;
      logLimited(
        status >= 500 ? 'error' : 'warn',
        `${provider ?? '-'}:${error.code}`,
        {
          provider,
          code: error.code,
          status,
          ...(context.event === undefined ? {} : { eventId: context.event.id }),
          // The cause of a store failure, without its stack.
          ...(error.cause === undefined
            ? {}
            : { cause: truncateForLog(String(error.cause)) }),
        },
        truncateForLog(error.message),
      );
      return;
    }
    logLimited(
      'error',
      `${provider ?? '-'}:unexpected`,
      { provider, error: truncateForLog(String(error)) },
      'Unexpected error while receiving a webhook',
    );
  }

  function reportError(error: unknown, context: WebhookErrorContext): void {
    logError(error, context);
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
    if (handlers.length === 0) {
      // Nothing ran: say so once, never drop an authentic event silently.
      const invalid = 'issues' in event;
      logLimited(
        'warn',
        `${event.provider}:${invalid ? 'unhandled_invalid' : 'unhandled'}`,
        {
          provider: event.provider,
          eventId: event.id,
          type: event.type,
          nativeType: truncateForLog(event.nativeType),
          ...(invalid ? { issues: event.issues.length } : {}),
        },
        invalid
          ? `Authentic ${event.provider} event failed its schema and no onInvalid handler took it${store.durable ? ' (kept in quarantine)' : ''}`
          : `No handler took ${event.provider} event ${event.type}`,
      );
    }
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
      for (const warning of result.warnings) {
        logLimited(
          'warn',
          `${provider}:warning:${warning.type}`,
          { provider, warning: warning.type },
          truncateForLog(warning.message),
        );
      }
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
            // Computed when a store reads it: the memory store never does,
            // and copying Headers is a good part of the router's own cost.
            get headers() {
              return redactHeaders(request.headers, adapter.sensitiveHeaders);
            },
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
      // The store assigns the stored id (a content key may repeat: A, B, A).
      event.id = claim.id;
      if (claim.status === 'duplicate') return { status: 'duplicate', event };
      if (claim.status === 'in_progress') {
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
    reportError,
  };
}
