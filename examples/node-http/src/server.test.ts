import type { AddressInfo } from 'node:net';
import { createRawWebhookRequest } from '@finhooks/core';
import { dinteroExamples, signDinteroRequest } from '@finhooks/dintero/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from './server';

const secret = 'example-hooks-secret';
const { server, webhooks } = createReceiver(secret);
const example = dinteroExamples.find(item => item.mechanism === 'hooks')!;
let origin: string;

beforeAll(async () => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

async function deliver(signingSecret: string): Promise<Response> {
  const signed = await signDinteroRequest(
    createRawWebhookRequest({ ...example.request, url: `${origin}/hooks` }),
    { secret: signingSecret },
  );
  return fetch(signed.url, {
    method: signed.method,
    headers: signed.headers,
    body: signed.body as BodyInit,
  });
}

describe('node:http (Dintero)', () => {
  const seen: string[] = [];
  beforeAll(() => webhooks.onAny(event => void seen.push(event.nativeType)));

  it('accepts a signed delivery on any path', async () => {
    const response = await deliver(secret);
    expect(response.status).toBe(200);
    expect(seen).toEqual([example.nativeType]);
  });

  it('refuses a forged delivery with 401', async () => {
    const response = await deliver('not-the-secret');
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
  });
});
