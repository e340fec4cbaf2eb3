import { createFetchHandler, createWebhooks } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createRedpinAdapter, type RedpinEvent } from './redpin-adapter';
import { redpinExamples } from './testing/index';

const token = 'http-token';

function setup() {
  const webhooks = createWebhooks({
    adapters: [
      createRedpinAdapter({
        auth: { headers: [{ name: 'x-api-key', value: token }] },
      }),
    ],
  });
  const received: RedpinEvent[] = [];
  webhooks.onAny(event => {
    received.push(event);
  });
  return { handler: createFetchHandler(webhooks), received };
}

function post(
  body: string,
  headers: Record<string, string> = { 'x-api-key': token },
) {
  return new Request('https://hooks.example.com/webhooks/redpin', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

const example = redpinExamples[1]!;
const body = example.request.body as string;

describe('Redpin over HTTP', () => {
  it('should answer 200 to an authentic delivery and run handlers once per event', async () => {
    const { handler, received } = setup();
    expect((await handler(post(body))).status).toBe(200);
    expect((await handler(post(body))).status).toBe(200); // Redpin's retry
    expect(received.map(event => event.id)).toEqual(['0201001008132685:1']);
  });

  it('should answer 401 to a missing or wrong credential', async () => {
    const { handler, received } = setup();
    expect((await handler(post(body, {}))).status).toBe(401);
    expect((await handler(post(body, { 'x-api-key': 'wrong' }))).status).toBe(
      401,
    );
    expect(received).toEqual([]);
  });

  it('should answer 200 to an unknown event_type and deliver redpin.unknown', async () => {
    const { handler, received } = setup();
    const unknown = JSON.stringify({
      event_id: '1',
      event_type: 'WALLET STATUS',
      version: 'v1.0.0',
      event_timestamp: '2025-01-01T00:00:00Z',
      data: { wallet_id: 'w' },
    });
    expect((await handler(post(unknown))).status).toBe(200);
    expect(received.map(event => event.type)).toEqual(['redpin.unknown']);
  });

  it('should answer 400 to an authentic body that is not JSON and 405 to GET', async () => {
    const { handler } = setup();
    expect((await handler(post('{"event_id":'))).status).toBe(400);
    const get = new Request('https://hooks.example.com/webhooks/redpin', {
      headers: { 'x-api-key': token },
    });
    expect((await handler(get)).status).toBe(405);
  });
});
