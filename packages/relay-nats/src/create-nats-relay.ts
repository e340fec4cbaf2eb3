import {
  ConfigurationError,
  type OutboxEvent,
  type OutboxStore,
  type PublishedOutboxEvent,
} from '@finhooks/core';
import {
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type PubAck,
} from '@nats-io/jetstream';
import {
  connect,
  headers as natsHeaders,
  type NatsConnection,
  type NodeConnectionOptions,
} from '@nats-io/transport-node';
import {
  erasureMessage,
  eventMessage,
  eventMsgId,
  type CloudEventsMode,
  type ErasureNotice,
  type RelayMessage,
} from './relay-cloudevents';

const MS = 1_000_000; // nanoseconds per millisecond
const DAY_MS = 24 * 3600 * 1000;

/** A pino-compatible logger (the relay logs state changes, never bodies). */
export interface RelayLogger {
  info?(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error?(obj: object, msg?: string): void;
}

/** What the relay acknowledged, for lag measurements (`onPublished`). */
export interface RelayedEvent {
  provider: string;
  id: string;
  /** The event's `receivedAt` (ISO-8601). */
  receivedAt: string;
  /** Stream sequence. */
  sequence: number;
  /** Whether the server already had the message (dedup or stream lookup). */
  duplicate: boolean;
  /** When the ack arrived (ms since the epoch). */
  ackedAt: number;
}

/** Options of {@link createNatsRelay}. */
export interface NatsRelayOptions {
  /** The durable store with an outbox (SQLite or PostgreSQL store). */
  store: OutboxStore;
  /** A connection you own (the relay never closes it)… */
  connection?: NatsConnection;
  /** …or the servers the relay connects to (and closes on `stop`). */
  servers?: string | string[];
  /** Further options of the relay's own connection. */
  connectionOptions?: Omit<NodeConnectionOptions, 'servers'>;
  /** JetStream stream, created if missing. Default `FINHOOKS`. */
  stream?: string;
  /** Subject prefix: `<prefix>.<provider>.<normalized type>`. Default `finhooks`. */
  subjectPrefix?: string;
  /** CloudEvents content mode. Default `binary` (`ce-*` headers). */
  mode?: CloudEventsMode;
  /**
   * The stream's `max_age`, in ms: keep it no longer than the receiver's
   * retention, so erased or purged data does not outlive the store in the
   * stream. A longer (or unlimited) existing stream is lowered to it.
   * Default 7 days.
   */
  maxAgeMs?: number;
  /** `duplicate_window` of a stream the relay creates, in ms. Default 2 minutes. */
  duplicateWindowMs?: number;
  /** Events taken from the store at once. Default 100. */
  batchSize?: number;
  /** Publishes awaiting their ack at once (backpressure). Default 64. */
  maxInFlight?: number;
  /** How long a take reserves events for this relay, in ms. Default 30 000. */
  leaseMs?: number;
  /** How often an idle relay looks for new events, in ms. Default 200 (`notify()` wakes it sooner). */
  pollIntervalMs?: number;
  /**
   * Shortest time between two takes that were not full, in ms: `notify()`
   * waits until then, so that one take and one mark carry the events of a
   * burst instead of one each (less store work per event, a little lag).
   * Default 50; 0 wakes at once.
   */
  batchDelayMs?: number;
  /** How long a publish waits for its ack, in ms. Default 5 000. */
  publishTimeoutMs?: number;
  /** Backoff after a failure: first and longest delay, in ms. Default 250 and 10 000. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** How often the lag metric is refreshed from the store, in ms. Default 1 000. */
  lagIntervalMs?: number;
  /** Called after events were acknowledged and marked published. */
  onPublished?: (events: readonly RelayedEvent[]) => void;
  logger?: RelayLogger;
  /** Clock (ms since the epoch); the store's clock should agree. */
  now?: () => number;
}

/** The relay's counters and gauges. */
export interface NatsRelayMetrics {
  /** Events acknowledged by JetStream and marked published (since start). */
  published: number;
  /** Of those, how many the server already had (a re-publish). */
  duplicates: number;
  /** Erasure announcements published. */
  erasures: number;
  /** Failed publishes, takes or connection attempts. */
  errors: number;
  /** Events waiting in the outbox (refreshed every `lagIntervalMs`). */
  lagEvents: number;
  /** Age of the oldest waiting event, in seconds. */
  lagSeconds: number;
  /** Whether the relay has a connection and a stream. */
  connected: boolean;
  lastError?: string;
}

/** See {@link createNatsRelay}. */
export interface NatsRelay {
  /**
   * Enables the store's outbox and starts relaying. Resolves at once: when
   * NATS is down the relay retries with backoff while events stay in the
   * store.
   */
  start(): Promise<void>;
  /** Finishes the publishes in flight, stops, and closes its own connection. */
  stop(): Promise<void>;
  /** Wakes the relay now (new events were committed). */
  notify(): void;
  /**
   * Announces that a subject's data was erased (`deleteBySubject`): a
   * `finhooks.subject.erased` CloudEvent on `<prefix>.<provider>.<subject
   * type>.erased`. Retried until published or the relay stops.
   */
  publishErasure(notice: ErasureNotice): Promise<void>;
  metrics(): NatsRelayMetrics;
  /** Resolves once the outbox is empty (nothing waits), or rejects after `timeoutMs`. */
  drained(timeoutMs?: number): Promise<void>;
}

function positive(name: string, value: number | undefined, fallback: number) {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError({
      message: `createNatsRelay: ${name} must be a positive number, got ${String(value)}.`,
    });
  }
  return value;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isStreamNotFound(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    error.code === JetStreamApiCodes.StreamNotFound
  );
}

/**
 * Relays the events a durable store commits into NATS JetStream, exactly one
 * message per event (transactional outbox): a loop takes unpublished events
 * from the store with a lease, publishes each as a CloudEvent with
 * `Nats-Msg-Id: <provider>:<id>` (the server drops a re-publish inside the
 * stream's duplicate window) and marks it published with the ack's stream
 * sequence. An event taken before and unmarked for longer than the window
 * is looked up in the stream before it is published again. Per-subject
 * order holds with one relay while publishes succeed.
 */
export function createNatsRelay(options: NatsRelayOptions): NatsRelay {
  const { store } = options;
  if (
    store === undefined ||
    typeof store.takeUnpublished !== 'function' ||
    typeof store.enableOutbox !== 'function'
  ) {
    throw new ConfigurationError({
      message:
        'createNatsRelay: pass { store } with an outbox (createSqliteStore or createPostgresStore).',
    });
  }
  if (options.connection === undefined && options.servers === undefined) {
    throw new ConfigurationError({
      message: 'createNatsRelay: pass { connection } or { servers }.',
    });
  }
  const streamName = options.stream ?? 'FINHOOKS';
  const prefix = options.subjectPrefix ?? 'finhooks';
  if (!/^[A-Za-z0-9_-]+$/.test(streamName))
    throw new ConfigurationError({
      message: `createNatsRelay: stream must be letters, digits, _ or -, got "${streamName}".`,
    });
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(prefix))
    throw new ConfigurationError({
      message: `createNatsRelay: subjectPrefix must be dot-separated tokens without wildcards, got "${prefix}".`,
    });
  const mode = options.mode ?? 'binary';
  const maxAgeMs = positive('maxAgeMs', options.maxAgeMs, 7 * DAY_MS);
  const createWindowMs = Math.min(
    positive('duplicateWindowMs', options.duplicateWindowMs, 120_000),
    maxAgeMs,
  );
  const batchSize = Math.floor(positive('batchSize', options.batchSize, 100));
  const maxInFlight = Math.floor(
    positive('maxInFlight', options.maxInFlight, 64),
  );
  const leaseMs = positive('leaseMs', options.leaseMs, 30_000);
  const pollIntervalMs = positive(
    'pollIntervalMs',
    options.pollIntervalMs,
    200,
  );
  const batchDelayMs =
    options.batchDelayMs === 0
      ? 0
      : positive('batchDelayMs', options.batchDelayMs, 50);
  const publishTimeoutMs = positive(
    'publishTimeoutMs',
    options.publishTimeoutMs,
    5000,
  );
  const initialDelayMs = positive(
    'retry.initialDelayMs',
    options.retry?.initialDelayMs,
    250,
  );
  const maxDelayMs = positive(
    'retry.maxDelayMs',
    options.retry?.maxDelayMs,
    10_000,
  );
  const lagIntervalMs = positive('lagIntervalMs', options.lagIntervalMs, 1000);
  const now = options.now ?? Date.now;
  const logger = options.logger;

  let nc: NatsConnection | undefined = options.connection;
  const ownsConnection = options.connection === undefined;
  let js: JetStreamClient | undefined;
  let jsm: JetStreamManager | undefined;
  let streamReady = false;
  /** The stream's duplicate window, in ms (read from the stream). */
  let duplicateWindowMs = createWindowMs;

  let running = false;
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let lastTakeAt = 0;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let lagTimer: ReturnType<typeof setInterval> | undefined;
  let failing = false;
  const erasures: {
    message: RelayMessage;
    resolve: () => void;
    reject: (error: Error) => void;
  }[] = [];

  const counters: NatsRelayMetrics = {
    published: 0,
    duplicates: 0,
    erasures: 0,
    errors: 0,
    lagEvents: 0,
    lagSeconds: 0,
    connected: false,
  };

  function sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        if (wake === done) wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function connectOnce(): Promise<NatsConnection> {
    if (nc !== undefined && !nc.isClosed()) return nc;
    if (!ownsConnection) throw new Error('The NATS connection is closed.');
    nc = await connect({
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      name: 'finhooks-relay',
      ...options.connectionOptions,
      servers: options.servers,
    });
    js = undefined;
    jsm = undefined;
    streamReady = false;
    return nc;
  }

  async function ensureStream(): Promise<JetStreamClient> {
    const connection = await connectOnce();
    js ??= jetstream(connection, { timeout: publishTimeoutMs });
    jsm ??= await jetstreamManager(connection, { timeout: publishTimeoutMs });
    if (streamReady) return js;
    const subjects = [`${prefix}.>`];
    try {
      const info = await jsm.streams.info(streamName);
      const config = info.config;
      duplicateWindowMs = (config.duplicate_window ?? 0) / MS;
      if (config.max_age === 0 || config.max_age > maxAgeMs * MS) {
        await jsm.streams.update(streamName, {
          ...config,
          max_age: maxAgeMs * MS,
          duplicate_window: Math.min(config.duplicate_window, maxAgeMs * MS),
        });
        duplicateWindowMs = Math.min(duplicateWindowMs, maxAgeMs);
        logger?.warn(
          { stream: streamName, maxAgeMs },
          'NATS relay: lowered the stream max_age to the receiver retention',
        );
      }
      if (!(config.subjects ?? []).includes(subjects[0]!)) {
        logger?.warn(
          { stream: streamName, subjects: config.subjects, expected: subjects },
          'NATS relay: the stream does not list the relay subjects',
        );
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
      await jsm.streams.add({
        name: streamName,
        subjects,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        max_age: maxAgeMs * MS,
        duplicate_window: createWindowMs * MS,
      });
      duplicateWindowMs = createWindowMs;
    }
    streamReady = true;
    counters.connected = true;
    return js;
  }

  function publishMessage(client: JetStreamClient, msg: RelayMessage) {
    const h = natsHeaders();
    for (const [name, value] of Object.entries(msg.headers)) h.set(name, value);
    return client.publish(msg.subject, msg.body, {
      msgID: msg.msgId,
      headers: h,
      timeout: publishTimeoutMs,
    });
  }

  /**
   * Events taken before whose first take is older than the duplicate
   * window (less a margin): the server no longer drops a re-publish, so look
   * for them in the stream (headers only, from their first take on).
   */
  async function findInStream(
    client: JetStreamClient,
    stale: readonly OutboxEvent[],
  ): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    const wanted = new Set(stale.map(eventMsgId));
    const info = await jsm!.streams.info(streamName);
    if (info.state.messages === 0) return found;
    const last = info.state.last_seq;
    const from = Math.min(...stale.map(event => event.firstTakenAt)) - 5000;
    const consumer = await client.consumers.get(streamName, {
      filter_subjects: `${prefix}.>`,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(from).toISOString(),
      headers_only: true,
    });
    for (;;) {
      const messages = await consumer.fetch({
        max_messages: 256,
        expires: 2000,
      });
      let count = 0;
      let done = false;
      for await (const m of messages) {
        count += 1;
        const id = m.headers?.get('Nats-Msg-Id');
        if (id !== undefined && wanted.has(id)) found.set(id, m.seq);
        if (m.seq >= last) done = true;
      }
      if (done || count === 0 || found.size === wanted.size) break;
    }
    await consumer.delete().catch(() => false);
    return found;
  }

  /** Publishes in order with at most `maxInFlight` awaiting their ack. */
  async function publishAll(
    client: JetStreamClient,
    events: readonly OutboxEvent[],
  ): Promise<(PubAck | Error)[]> {
    const results: (PubAck | Error)[] = new Array(events.length);
    let next = 0;
    const inFlight = new Set<Promise<void>>();
    while (next < events.length) {
      while (inFlight.size < maxInFlight && next < events.length) {
        const index = next++;
        const pending = publishMessage(
          client,
          eventMessage(prefix, events[index]!.event, mode),
        ).then(
          ack => {
            results[index] = ack;
          },
          (error: unknown) => {
            results[index] =
              error instanceof Error ? error : new Error(String(error));
          },
        );
        const tracked = pending.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      }
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return results;
  }

  async function publishBatch(
    client: JetStreamClient,
    batch: readonly OutboxEvent[],
  ): Promise<void> {
    const timestamp = now();
    const margin = Math.min(duplicateWindowMs / 2, publishTimeoutMs + 5000);
    const stale = batch.filter(
      event =>
        event.takes > 1 &&
        timestamp - event.firstTakenAt >= duplicateWindowMs - margin,
    );
    const found =
      stale.length > 0 ? await findInStream(client, stale) : new Map();
    const marks: PublishedOutboxEvent[] = [];
    const relayed: RelayedEvent[] = [];
    const toPublish: OutboxEvent[] = [];
    for (const event of batch) {
      const sequence = found.get(eventMsgId(event));
      if (sequence === undefined) {
        toPublish.push(event);
        continue;
      }
      marks.push({ provider: event.provider, id: event.id, sequence });
      relayed.push({
        provider: event.provider,
        id: event.id,
        receivedAt: event.event.receivedAt,
        sequence,
        duplicate: true,
        ackedAt: timestamp,
      });
    }
    const results = await publishAll(client, toPublish);
    const failed: OutboxEvent[] = [];
    let firstError: Error | undefined;
    results.forEach((result, index) => {
      const event = toPublish[index]!;
      if (result instanceof Error) {
        failed.push(event);
        firstError ??= result;
        return;
      }
      marks.push({
        provider: event.provider,
        id: event.id,
        sequence: result.seq,
      });
      relayed.push({
        provider: event.provider,
        id: event.id,
        receivedAt: event.event.receivedAt,
        sequence: result.seq,
        duplicate: result.duplicate,
        ackedAt: now(),
      });
    });
    await store.markPublished(marks);
    counters.published += relayed.length;
    counters.duplicates += relayed.filter(event => event.duplicate).length;
    if (relayed.length > 0) options.onPublished?.(relayed);
    if (failed.length > 0) {
      counters.errors += failed.length;
      await store.releaseUnpublished(failed).catch(() => {});
      // The stream may be gone (deleted by an operator): check it again.
      streamReady = false;
      throw firstError!;
    }
  }

  async function publishErasures(client: JetStreamClient): Promise<void> {
    while (erasures.length > 0) {
      const next = erasures[0]!;
      await publishMessage(client, next.message);
      erasures.shift();
      counters.erasures += 1;
      next.resolve();
    }
  }

  async function refreshLag(): Promise<void> {
    try {
      const lag = await store.outboxLag();
      counters.lagEvents = lag.events;
      counters.lagSeconds =
        lag.oldestReceivedAt === undefined
          ? 0
          : Math.max(0, (now() - Date.parse(lag.oldestReceivedAt)) / 1000);
    } catch {
      // The store is unreachable: the loop counts and logs the failure.
    }
  }

  async function run(): Promise<void> {
    let delay = initialDelayMs;
    while (!stopping) {
      try {
        const client = await ensureStream();
        await publishErasures(client);
        lastTakeAt = Date.now();
        const batch = await store.takeUnpublished({
          limit: batchSize,
          leaseMs,
        });
        if (batch.length > 0) await publishBatch(client, batch);
        if (failing) {
          failing = false;
          logger?.info?.(
            { stream: streamName },
            'NATS relay: publishing again',
          );
        }
        delay = initialDelayMs;
        if (batch.length < batchSize && !stopping) await sleep(pollIntervalMs);
      } catch (error) {
        counters.errors += 1;
        counters.lastError = message(error);
        if (!failing) {
          failing = true;
          logger?.warn(
            { stream: streamName, error: counters.lastError },
            'NATS relay: publishing failed; events stay in the store, retrying with backoff',
          );
        }
        counters.connected = false;
        streamReady = false;
        if (!stopping) await sleep(delay);
        delay = Math.min(delay * 2, maxDelayMs);
      }
    }
  }

  return {
    async start() {
      if (running) return;
      running = true;
      stopping = false;
      await store.enableOutbox();
      void refreshLag();
      lagTimer = setInterval(() => void refreshLag(), lagIntervalMs);
      lagTimer.unref?.();
      loop = run();
    },
    async stop() {
      if (!running) return;
      stopping = true;
      if (wakeTimer !== undefined) clearTimeout(wakeTimer);
      wakeTimer = undefined;
      wake?.();
      if (lagTimer !== undefined) clearInterval(lagTimer);
      await loop;
      running = false;
      for (const pending of erasures.splice(0))
        pending.reject(new Error('The NATS relay stopped before publishing.'));
      counters.connected = false;
      if (ownsConnection && nc !== undefined && !nc.isClosed()) {
        await nc.drain().catch(() => nc?.close());
      }
      nc = ownsConnection ? undefined : nc;
      js = undefined;
      jsm = undefined;
      streamReady = false;
    },
    notify() {
      if (wake === undefined || wakeTimer !== undefined) return;
      const wait = lastTakeAt + batchDelayMs - Date.now();
      if (wait <= 0) {
        wake();
        return;
      }
      wakeTimer = setTimeout(() => {
        wakeTimer = undefined;
        wake?.();
      }, wait);
      wakeTimer.unref?.();
    },
    publishErasure(notice) {
      return new Promise<void>((resolve, reject) => {
        if (!running || stopping) {
          reject(new Error('The NATS relay is not running.'));
          return;
        }
        erasures.push({
          message: erasureMessage(prefix, notice, mode),
          resolve,
          reject,
        });
        wake?.();
      });
    },
    metrics() {
      return { ...counters };
    },
    async drained(timeoutMs = 30_000) {
      const deadline = now() + timeoutMs;
      for (;;) {
        await refreshLag();
        if (counters.lagEvents === 0) return;
        if (now() > deadline)
          throw new Error(
            `The NATS relay did not drain within ${timeoutMs} ms (${counters.lagEvents} waiting).`,
          );
        wake?.();
        await new Promise(resolve => setTimeout(resolve, 50));
      }
    },
  };
}
