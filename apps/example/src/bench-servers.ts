// The servers a bench row measures: the HTTP floor (bare Hono), the bare
// verify-and-parse server, and the app's logger for in-process runs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { pino } from 'pino';
import { host } from './bench-config';
import { createLogger } from './logger';

/**
 * The app's logger at the production default level (`info`: one access log
 * line per request), written to /dev/null so the bench output stays
 * readable: the serialization cost is measured, the log sink's is not.
 */
export function benchLogger() {
  return createLogger('info', pino.destination('/dev/null'));
}

/** The HTTP floor: a bare Hono route that reads the body and answers 200. */
export async function startBaseline(): Promise<{
  server: ServerType;
  url: string;
}> {
  const app = new Hono();
  app.post('*', async c => {
    await c.req.arrayBuffer();
    return c.json({ ok: true });
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: host }, () =>
      resolve(listening),
    );
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://${host}:${port}` };
}

export function closeServer(server: ServerType): Promise<void> {
  return new Promise(resolve => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

/**
 * The raw limit of a receiver: `node:http`, the Solaris HMAC-SHA256 check
 * with `timingSafeEqual` and `JSON.parse` of the body, then 200. No
 * framework, no store: what any Node receiver must at least do.
 */
export async function startBareServer(
  secret: string,
): Promise<{ server: ServerType; url: string }> {
  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const header = String(request.headers['solaris-webhook-signature'] ?? '');
      const given = Buffer.from(header.slice('sha256='.length), 'hex');
      const expected = createHmac('sha256', secret).update(body).digest();
      if (
        given.length !== expected.length ||
        !timingSafeEqual(given, expected)
      ) {
        response.writeHead(401).end();
        return;
      }
      try {
        // The baseline's parse, verified first: the raw limit, not finhooks.
        JSON.parse(body.toString('utf8'));
      } catch {
        response.writeHead(400).end();
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://${host}:${port}` };
}
