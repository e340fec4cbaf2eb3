import type { EventBus, StoredNotice, UpdatedNotice } from './event-bus';

const encoder = new TextEncoder();
const HEARTBEAT_MS = 15_000;

/** Server-sent events of newly stored events, for every open page. */
export interface LiveStream {
  /** Answers `GET /api/stream`. */
  handle(request: Request): Response;
  /** Sends one message of another source (the console's delivery feed). */
  publish(event: string, data: unknown): void;
  /** Ends every open stream (shutdown: they would keep connections open). */
  closeAll(): void;
  readonly clients: number;
}

/**
 * Fans the event bus out to EventSource clients. Messages: `stored`
 * (`{ event, state }`) and `updated` (`{ provider, id, state? }`), and
 * whatever is published (`deliveries`, `refused`); a comment every 15 s
 * keeps proxies from closing idle streams.
 */
export function createLiveStream(bus: EventBus): LiveStream {
  const clients = new Set<ReadableStreamDefaultController<Uint8Array>>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  function send(chunk: string): void {
    const bytes = encoder.encode(chunk);
    for (const controller of clients) {
      try {
        controller.enqueue(bytes);
      } catch {
        clients.delete(controller);
      }
    }
  }
  const onStored = ({ event, state }: StoredNotice) =>
    send(`event: stored\ndata: ${JSON.stringify({ event, state })}\n\n`);
  const onUpdated = (notice: UpdatedNotice) =>
    send(`event: updated\ndata: ${JSON.stringify(notice)}\n\n`);

  function attach(): void {
    if (clients.size !== 1) return;
    bus.on('stored', onStored);
    bus.on('updated', onUpdated);
    heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
  }
  function detach(
    controller: ReadableStreamDefaultController<Uint8Array>,
  ): void {
    if (!clients.delete(controller) || clients.size > 0) return;
    bus.off('stored', onStored);
    bus.off('updated', onUpdated);
    clearInterval(heartbeat);
  }

  return {
    get clients() {
      return clients.size;
    },
    handle(request) {
      let self: ReadableStreamDefaultController<Uint8Array> | undefined;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          self = controller;
          clients.add(controller);
          attach();
          controller.enqueue(encoder.encode('retry: 2000\n: connected\n\n'));
        },
        cancel() {
          if (self) detach(self);
        },
      });
      request.signal.addEventListener('abort', () => {
        if (self) detach(self);
      });
      return new Response(stream, {
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          'x-accel-buffering': 'no',
        },
      });
    },
    publish(event, data) {
      if (clients.size === 0) return;
      send(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    closeAll() {
      for (const controller of [...clients]) {
        detach(controller);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
    },
  };
}
