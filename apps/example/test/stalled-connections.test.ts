// Bounded resources against a real server process: 600 connections that each
// send headers and part of a chunked 1 MB body, then stall, from 127.0.0.1;
// meanwhile valid signed deliveries from 127.0.0.2. RSS stays bounded, the
// stalled requests are cut within seconds, and the other source is served.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { createRawWebhookRequest } from '@finhooks/core';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_ENV,
  makeTempDir,
  spawnServer,
  type ChildServer,
} from './helpers';

const STALLERS = 600;
const SENT_PER_STALLER = 256 * 1024;

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb) * 1024;
}

const example = tradevestExamples.find(
  candidate => candidate.name === 'customer-notification',
)!;
const template = JSON.parse(String(example.request.body)) as Record<
  string,
  unknown
>;

/** One signed delivery from 127.0.0.2; resolves to the status (0 = failed). */
async function deliver(port: number, index: number): Promise<number> {
  const signed = await signTradevestRequest(
    createRawWebhookRequest({
      ...example.request,
      url: `http://127.0.0.1:${port}/webhooks/tradevest/customer-notification`,
      body: JSON.stringify({ ...template, customerId: `valid-${index}` }),
    }),
    { secret: TEST_ENV.TRADEVEST_WEBHOOK_TOKEN!, headerName: 'api-key' },
  );
  const body = Buffer.from(signed.body);
  return new Promise(resolve => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress: '127.0.0.2',
        path: '/webhooks/tradevest/customer-notification',
        method: 'POST',
        agent: false,
        timeout: 20_000,
        headers: {
          ...Object.fromEntries(signed.headers),
          'content-length': String(body.length),
        },
      },
      response => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
    request.end(body);
  });
}

describe('stalled connections', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let server: ChildServer;
  let port: number;

  beforeAll(async () => {
    dir = await makeTempDir();
    server = await spawnServer({ DATA_DIR: dir.path });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server?.stop();
    await dir?.remove();
  });

  it(`should keep RSS bounded, cut ${STALLERS} stalled 1 MB uploads within 60 s and keep answering another source`, async () => {
    // Warm up (first requests load code), then measure.
    for (let index = 0; index < 20; index++) await deliver(port, -index - 1);
    const pid = server.process.pid!;
    const baseline = rssBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(pid));
    }, 100);

    const started = Date.now();
    const chunk = Buffer.alloc(SENT_PER_STALLER, 'a');
    const closedAt: number[] = [];
    const sockets: Socket[] = [];
    const allClosed = new Promise<void>(resolve => {
      for (let index = 0; index < STALLERS; index++) {
        const socket = connect({ host: '127.0.0.1', port });
        sockets.push(socket);
        socket.on('error', () => {});
        socket.on('data', () => {});
        socket.once('close', () => {
          closedAt.push(Date.now() - started);
          if (closedAt.length === STALLERS) resolve();
        });
        socket.on('connect', () => {
          socket.write(
            'POST /webhooks/tradevest/customer-notification HTTP/1.1\r\n' +
              `Host: 127.0.0.1:${port}\r\n` +
              `api-key: ${TEST_ENV.TRADEVEST_WEBHOOK_TOKEN}\r\n` +
              'Content-Type: application/json\r\n' +
              'Transfer-Encoding: chunked\r\n\r\n' +
              `${(1_000_000).toString(16)}\r\n`,
          );
          socket.write(chunk);
        });
      }
    });

    // Valid deliveries from another source address while the stall lasts.
    const statuses: number[] = [];
    let stop = false;
    let next = 0;
    const senders = Array.from({ length: 4 }, async () => {
      while (!stop) statuses.push(await deliver(port, next++));
    });
    const deadline = new Promise<'timeout'>(resolve =>
      setTimeout(() => resolve('timeout'), 60_000),
    );
    const outcome = await Promise.race([allClosed, deadline]);
    // Keep sending a moment after the last cut.
    await new Promise(resolve => setTimeout(resolve, 1000));
    stop = true;
    await Promise.all(senders);
    clearInterval(sampler);
    for (const socket of sockets) socket.destroy();

    const growth = peak - baseline;
    const ok = statuses.filter(status => status >= 200 && status < 300).length;
    const share = ok / statuses.length;
    const lastCut = Math.max(...closedAt);
    console.log(
      `stalled connections: RSS ${Math.round(baseline / 2 ** 20)} MB → peak ${Math.round(peak / 2 ** 20)} MB (+${Math.round(growth / 2 ** 20)} MB); ` +
        `${closedAt.length}/${STALLERS} closed, last after ${(lastCut / 1000).toFixed(1)} s; ` +
        `valid deliveries from 127.0.0.2: ${ok}/${statuses.length} 2xx (${(share * 100).toFixed(2)}%)`,
    );
    expect(outcome).not.toBe('timeout');
    expect(closedAt).toHaveLength(STALLERS);
    expect(lastCut).toBeLessThan(60_000);
    expect(growth).toBeLessThan(150 * 2 ** 20);
    expect(statuses.length).toBeGreaterThanOrEqual(50);
    expect(share).toBeGreaterThanOrEqual(0.99);
  });
});
