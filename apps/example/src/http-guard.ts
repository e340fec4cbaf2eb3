import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import type { HttpLimits } from './config';
import type { RefusalLog } from './refusal-log';

/** Options of {@link createHttpGuard}. */
export interface HttpGuardOptions {
  limits: HttpLimits;
  /** Body limit of the webhook routes (core answers 413 above it). */
  webhookMaxBodyBytes: number;
  refusals: RefusalLog;
  /** How often the minimum body rate is checked (tests). */
  sweepIntervalMs?: number;
}

/** Live figures of the guard (tests, debugging). */
export interface HttpGuardStats {
  connections: number;
  requestsReceivingBody: number;
  sources: number;
  cut: Record<string, number>;
}

/**
 * Bounds what one client can make the server hold: a Node `http` server
 * (for `@hono/node-server`'s `createServer` option) with header and request
 * timeouts, a cap on open connections and on request body bytes in flight
 * per source address, a body limit on every route and a minimum body rate.
 */
export interface HttpGuard {
  /** For `serve({ createServer })`: Node's `createServer`, guarded. */
  createServer: typeof createServer;
  stats(): HttpGuardStats;
  /** Stops the rate check (shutdown). */
  stop(): void;
}

interface Source {
  connections: number;
  bytesInFlight: number;
}

interface Tracked {
  req: IncomingMessage;
  source: Source;
  address: string;
  path: string;
  limit: number;
  start: number;
  received: number;
  markAt: number;
  markBytes: number;
  released: boolean;
  cut: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Answers before the app sees the request, and closes the connection. */
function answerNow(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  res.shouldKeepAlive = false;
  res.writeHead(status, { 'content-type': JSON_TYPE, connection: 'close' });
  res.end(JSON.stringify({ ok: false, error: { code, message } }));
}

export function createHttpGuard(options: HttpGuardOptions): HttpGuard {
  const { limits, refusals } = options;
  const sources = new Map<string, Source>();
  const receiving = new Set<Tracked>();
  const cutCounts: Record<string, number> = {};
  let connections = 0;

  const sourceOf = (address: string): Source => {
    let source = sources.get(address);
    if (source === undefined) {
      source = { connections: 0, bytesInFlight: 0 };
      sources.set(address, source);
    }
    return source;
  };
  const forget = (address: string, source: Source): void => {
    if (source.connections <= 0 && source.bytesInFlight <= 0)
      sources.delete(address);
  };

  function release(tracked: Tracked): void {
    receiving.delete(tracked);
    if (tracked.released) return;
    tracked.released = true;
    tracked.source.bytesInFlight -= tracked.received;
    forget(tracked.address, tracked.source);
  }

  /** Ends a request the app is already reading: the connection is closed. */
  function cut(tracked: Tracked, reason: string): void {
    if (tracked.cut) return;
    tracked.cut = true;
    cutCounts[reason] = (cutCounts[reason] ?? 0) + 1;
    refusals.refused(reason, {
      source: tracked.address,
      method: tracked.req.method,
      path: tracked.path,
      received: tracked.received,
    });
    release(tracked);
    tracked.req.socket.destroy();
  }

  function onConnection(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    const source = sourceOf(address);
    if (source.connections >= limits.maxConnectionsPerSource) {
      cutCounts.connections_per_source =
        (cutCounts.connections_per_source ?? 0) + 1;
      refusals.refused('connections_per_source', { source: address });
      socket.destroy();
      forget(address, source);
      return;
    }
    source.connections++;
    connections++;
    socket.once('close', () => {
      source.connections--;
      connections--;
      forget(address, source);
    });
  }

  function guard(
    req: IncomingMessage,
    res: ServerResponse,
    listener: RequestListener,
  ): void {
    const address = req.socket.remoteAddress ?? 'unknown';
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const webhook = path.startsWith('/webhooks/');
    // Core answers 413 at the webhook limit; the margin lets it say so.
    const limit = webhook
      ? options.webhookMaxBodyBytes + 64 * 1024
      : limits.apiMaxBodyBytes;
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (!webhook && Number.isFinite(declared) && declared > limit) {
      refusals.refused('body_too_large', {
        source: address,
        method: req.method,
        path,
        declared,
      });
      answerNow(
        res,
        413,
        'body_too_large',
        `Bodies on this route are limited to ${limit} bytes.`,
      );
      return;
    }
    const now = Date.now();
    const tracked: Tracked = {
      req,
      source: sourceOf(address),
      address,
      path,
      limit,
      start: now,
      received: 0,
      markAt: now,
      markBytes: 0,
      released: false,
      cut: false,
    };
    if (!req.complete) {
      receiving.add(tracked);
      // Count body bytes as Node's parser hands them over, whoever reads them.
      const push = req.push.bind(req);
      req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
        if (chunk !== null && !tracked.cut) {
          const size = (chunk as { length: number }).length;
          tracked.received += size;
          if (!tracked.released) tracked.source.bytesInFlight += size;
          if (tracked.received > limit) {
            cut(tracked, 'body_too_large');
            return false;
          }
          if (tracked.source.bytesInFlight > limits.maxBytesInFlightPerSource) {
            cut(tracked, 'bytes_in_flight_per_source');
            return false;
          }
        }
        return push(chunk, encoding);
      };
      req.once('end', () => receiving.delete(tracked));
    }
    res.once('close', () => release(tracked));
    listener(req, res);
  }

  // A request whose body does not advance by the minimum rate is cut.
  const sweepMs = options.sweepIntervalMs ?? 1000;
  const windowMs = 2000;
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const tracked of [...receiving]) {
      if (tracked.req.complete) {
        receiving.delete(tracked);
        continue;
      }
      if (now - tracked.start < limits.bodyRateGraceMs) continue;
      const elapsed = now - tracked.markAt;
      if (elapsed < windowMs && tracked.markAt !== tracked.start) continue;
      const expected = (limits.minBodyBytesPerSecond * elapsed) / 1000;
      if (tracked.received - tracked.markBytes < expected) {
        cut(tracked, 'body_too_slow');
      } else {
        tracked.markAt = now;
        tracked.markBytes = tracked.received;
      }
    }
  }, sweepMs);
  sweep.unref();

  return {
    createServer: ((
      serverOptions: ServerOptions,
      listener: RequestListener,
    ): Server => {
      const server = createServer(
        {
          ...serverOptions,
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          // How often Node checks the two timeouts (default 30 s).
          connectionsCheckingInterval: 1000,
          keepAliveTimeout: 5000,
        },
        (req, res) => guard(req, res, listener),
      );
      server.on('connection', onConnection);
      return server;
    }) as typeof createServer,
    stats() {
      return {
        connections,
        requestsReceivingBody: receiving.size,
        sources: sources.size,
        cut: { ...cutCounts },
      };
    },
    stop() {
      clearInterval(sweep);
    },
  };
}
