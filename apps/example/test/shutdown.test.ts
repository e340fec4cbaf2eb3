// Graceful shutdown of the real process: SIGTERM while a delivery is still
// being uploaded; the delivery completes with 200 and is stored, then the
// process exits 0 and the database is closed cleanly.
import { request as httpRequest } from 'node:http';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { createRawWebhookRequest } from '@finhooks/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_ENV,
  makeTempDir,
  operatorFetch,
  spawnServer,
  startTestServer,
} from './helpers';

describe('graceful shutdown', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('should finish an in-flight request on SIGTERM, then exit 0', async () => {
    const server = await spawnServer({ DATA_DIR: dir.path });
    const example = tradevestExamples.find(
      candidate => candidate.name === 'customer-notification',
    )!;
    const signed = await signTradevestRequest(
      createRawWebhookRequest({
        ...example.request,
        url: `${server.url}/webhooks/tradevest/customer-notification`,
      }),
      { secret: TEST_ENV.TRADEVEST_WEBHOOK_TOKEN!, headerName: 'api-key' },
    );
    const body = Buffer.from(signed.body);
    const headers = Object.fromEntries(signed.headers);
    const url = new URL(signed.url);

    const answer = new Promise<{ status: number; text: string }>(
      (resolve, reject) => {
        const request = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { ...headers, 'content-length': String(body.length) },
          },
          response => {
            let text = '';
            response.on('data', chunk => (text += String(chunk)));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, text }),
            );
          },
        );
        request.on('error', reject);
        // Half the body now, SIGTERM, the rest a moment later.
        request.write(body.subarray(0, 10));
        setTimeout(() => {
          server.process.kill('SIGTERM');
          setTimeout(() => request.end(body.subarray(10)), 300);
        }, 200);
      },
    );

    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ ok: true, duplicate: false });
    expect(await server.exited).toBe(0);
    const messages = server.logs.map(entry => entry.msg);
    expect(messages).toContain('shutting down: finishing in-flight requests');
    expect(messages.at(-1)).toBe('stopped');

    // The acknowledged event survived: a new instance on the same file has it.
    const again = await startTestServer({ kind: 'sqlite', dataDir: dir.path });
    try {
      const id = (JSON.parse(text) as { id: string }).id;
      const stored = await operatorFetch(
        `${again.url}/api/events/tradevest/${encodeURIComponent(id)}`,
      );
      expect(stored.status).toBe(200);
    } finally {
      await again.close();
    }
  });

  it('should refuse new connections once shutting down and close open live streams', async () => {
    const server = await startTestServer({ kind: 'sqlite', dataDir: dir.path });
    const stream = await operatorFetch(`${server.url}/api/stream`);
    const reader = stream.body!.getReader();
    await reader.read();
    const closing = server.close();
    // The open EventSource stream ends instead of holding shutdown up.
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    await closing;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
