import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import { createFetchHandler } from '../http/create-fetch-handler';
import type { WebhookStore } from '../store/webhook-store';
import { createFakeAdapter, signFakeRequest } from '../testing/fake-adapter';
import { toFetchRequest } from '../testing/request-helpers';
import { createWebhooks } from './create-webhooks';
import type { WebhookLogger } from './webhook-logger';

const secret = 'whsec_test';
const url = 'https://hooks.example.com/webhooks/fake';
const signed = (body: unknown) =>
  signFakeRequest(
    createRawWebhookRequest({ url, body: JSON.stringify(body) }),
    { secret },
  );

function captureLogger() {
  const lines: {
    level: string;
    fields: Record<string, unknown>;
    message: string;
  }[] = [];
  const at =
    (level: string) => (fields: Record<string, unknown>, message: string) =>
      void lines.push({ level, fields, message });
  const logger: WebhookLogger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  return { logger, lines };
}

function setup(store?: WebhookStore) {
  const { logger, lines } = captureLogger();
  const webhooks = createWebhooks({
    // Two adapters: a path must name one (with one, every path routes to it).
    adapters: [
      createFakeAdapter({ secret }),
      createFakeAdapter({ secret, provider: 'other' }),
    ],
    logger,
    ...(store === undefined ? {} : { store }),
  });
  const errors: unknown[] = [];
  webhooks.onError(error => void errors.push(error));
  return { webhooks, lines, errors };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('no silent loss', () => {
  it('should log an authentic invalid payload that no onInvalid handler took', async () => {
    const { webhooks, lines } = setup();
    webhooks.onAny(() => {});
    const outcome = await webhooks.receive(
      'fake',
      await signed({ id: 'bad_1', type: 'customer.update' }),
    );
    expect(outcome).toMatchObject({ status: 'accepted', invalid: true });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({
          reason: 'fake:unhandled_invalid',
          eventId: 'bad_1',
        }) as object,
      }),
    ]);
  });

  it('should log an unknown or unhandled event once', async () => {
    const { webhooks, lines } = setup();
    await webhooks.receive(
      'fake',
      await signed({ id: 'u1', type: 'brand.new' }),
    );
    // One line says the type is new, one that nothing took the event.
    expect(lines.map(line => line.fields)).toEqual([
      expect.objectContaining({ reason: 'fake:warning:unsupported' }),
      expect.objectContaining({
        reason: 'fake:unhandled',
        type: 'fake.unknown',
      }),
    ]);
  });

  it('should log nothing for an event a handler took', async () => {
    const { webhooks, lines } = setup();
    webhooks.onAny(() => {});
    await webhooks.receive(
      'fake',
      await signed({
        id: 'c1',
        type: 'customer.update',
        customer: { id: 'c' },
      }),
    );
    expect(lines).toEqual([]);
  });

  it('should log adapter warnings instead of dropping them', async () => {
    const { webhooks, lines } = setup();
    webhooks.onAny(() => {});
    await webhooks.receive(
      'fake',
      await signed({
        id: 'p1',
        type: 'payment.captured',
        payment: { id: 'pay_1', amount: 1, at: 'not a time' },
      }),
    );
    expect(lines.map(line => line.fields.reason)).toEqual([
      'fake:warning:compatibility',
    ]);
  });

  it('should report every refusal to onError but rate-limit its log lines, with a summary', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    const { webhooks, lines, errors } = setup();
    const forged = createRawWebhookRequest({
      url,
      headers: { 'x-fake-signature': 'f'.repeat(64), 'x-fake-timestamp': '1' },
      body: '{}',
    });
    for (let i = 0; i < 100; i += 1)
      await webhooks.receive('fake', forged).catch(() => {});
    expect(errors).toHaveLength(100);
    expect(lines).toHaveLength(10);
    vi.setSystemTime(new Date('2026-12-01T10:01:01Z'));
    await webhooks.receive('fake', forged).catch(() => {});
    expect(lines.slice(10).map(line => line.fields.suppressed)).toEqual([
      90,
      undefined,
    ]);
  });

  it('should log the cause of a store failure', async () => {
    const broken: WebhookStore = {
      durable: false,
      claim: () => Promise.reject(new Error('disk full')),
      complete: async () => {},
      fail: async () => {},
    };
    const { webhooks, lines } = setup(broken);
    await expect(
      webhooks.receive(
        'fake',
        await signed({
          id: 's1',
          type: 'customer.update',
          customer: { id: 'c' },
        }),
      ),
    ).rejects.toMatchObject({ code: 'store_failed' });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({
          cause: 'Error: disk full',
        }) as object,
      }),
    ]);
  });

  it('should report refusals made before the router (no route, too large) to onError', async () => {
    const { webhooks, errors, lines } = setup();
    const handle = createFetchHandler(webhooks, { maxBodyBytes: 10 });
    const noRoute = await handle(
      new Request(`https://x.test/${'a'.repeat(15_000)}`, {
        method: 'POST',
        body: '{}',
      }),
    );
    const tooLarge = await handle(
      toFetchRequest(
        await signFakeRequest(
          createRawWebhookRequest({
            url,
            body: JSON.stringify({ x: 'y'.repeat(50) }),
          }),
          { secret },
        ),
      ),
    );
    expect([noRoute.status, tooLarge.status]).toEqual([404, 413]);
    expect(errors.map(error => (error as { code: string }).code)).toEqual([
      'route_not_found',
      'body_too_large',
    ]);
    // A sender-controlled path is cut before it reaches the log.
    for (const line of lines)
      expect(JSON.stringify(line).length).toBeLessThan(1000);
  });
});
