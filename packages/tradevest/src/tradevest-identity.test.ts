import {
  createMemoryStore,
  createRawWebhookRequest,
  createWebhooks,
  type WebhookLogger,
} from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { signTradevestRequest } from './testing/index';
import { createTradevestAdapter } from './tradevest-adapter';
import {
  tradevestDefaultDedupWindowMs,
  type TradevestAdapterSettings,
} from './tradevest-adapter-settings';

const secret = 'tv_secret_api_key';
const base = 'https://partner.example.com/webhooks/tradevest';
const hour = 60 * 60 * 1000;
const week = 7 * 24 * hour;

function customer(customerId: string, status: string): string {
  return JSON.stringify({
    customerId,
    modifiedOn: '2025-06-01T08:15:00.000Z',
    status,
    notificationType: 'UPDATED',
  });
}

function labels(...updatedCustomers: string[]): string {
  return JSON.stringify({ updatedCustomers, notificationType: 'UPDATED' });
}

/**
 * A router with core's memory store on a clock the test moves. The store
 * remembers events for a week, so only the adapter's window decides
 * whether identical bytes are a retry.
 */
function setup(settings: Partial<TradevestAdapterSettings> = {}) {
  let clock = Date.parse('2025-06-01T09:00:00.000Z');
  const store = createMemoryStore({ now: () => clock, ttlMs: week });
  const webhooks = createWebhooks({
    adapters: [
      createTradevestAdapter({
        headers: [{ name: 'api-key', value: secret }],
        ...settings,
      }),
    ],
    store,
  });
  const handled: { id: string; nativeType: string }[] = [];
  webhooks.onAny(event => {
    handled.push({ id: event.id, nativeType: event.nativeType });
  });
  async function deliver(path: string, body: string) {
    const request = await signTradevestRequest(
      createRawWebhookRequest({ url: `${base}/${path}`, body }),
      { secret },
    );
    const outcome = await webhooks.receive('tradevest', request);
    if (outcome.status === 'handshake') throw new Error('not an event');
    return outcome;
  }
  return {
    deliver,
    handled,
    advance(ms: number) {
      clock += ms;
    },
  };
}

describe('content identity through createWebhooks and the memory store', () => {
  it('should record the identity as content, keyed by the body, with the 24 h window', async () => {
    const { deliver } = setup();
    const outcome = await deliver(
      'customer-notification',
      customer('c-1', 'ACTIVE'),
    );
    expect(outcome.event.identity).toEqual({
      source: 'content',
      key: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      windowMs: tradevestDefaultDedupWindowMs,
    });
    expect(tradevestDefaultDedupWindowMs).toBe(24 * hour);
    expect(outcome.event.id).toBe(outcome.event.identity.key);
  });

  it('should hand a retry (identical bytes within the window) on once', async () => {
    const { deliver, handled, advance } = setup();
    const body = customer('c-1', 'ACTIVE');
    expect((await deliver('customer-notification', body)).status).toBe(
      'accepted',
    );
    advance(23 * hour);
    const retry = await deliver('customer-notification', body);
    expect(retry.status).toBe('duplicate');
    expect(handled).toHaveLength(1);
    expect(retry.event.id).toBe(handled[0]!.id);
  });

  it('should keep A, B, A for one customer as three events', async () => {
    const { deliver, handled } = setup();
    const active = customer('c-1', 'ACTIVE');
    const blocked = customer('c-1', 'BLOCKED');
    const outcomes = [
      await deliver('customer-notification', active),
      await deliver('customer-notification', blocked),
      await deliver('customer-notification', active),
    ];
    expect(outcomes.map(outcome => outcome.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(handled).toHaveLength(3);
    const ids = handled.map(event => event.id);
    expect(new Set(ids).size).toBe(3);
    // The second A has the same key as the first and gets the next id.
    expect(ids[2]).toBe(`${ids[0]}.2`);
  });

  it('should keep two genuine identical LABELS_UPDATE_NOTIFICATIONs with another in between', async () => {
    const { deliver, handled } = setup();
    await deliver('labels-update-notification', labels('c-1'));
    await deliver('labels-update-notification', labels('c-2'));
    const third = await deliver('labels-update-notification', labels('c-1'));
    expect(third.status).toBe('accepted');
    expect(handled).toHaveLength(3);
  });

  it('should still recognise a retry of one customer after another customer’s notification', async () => {
    // The subject scopes "latest": c-2's event does not hide c-1's retry.
    const { deliver, handled } = setup();
    const first = customer('c-1', 'ACTIVE');
    await deliver('customer-notification', first);
    await deliver('customer-notification', customer('c-2', 'ACTIVE'));
    expect((await deliver('customer-notification', first)).status).toBe(
      'duplicate',
    );
    expect(handled).toHaveLength(2);
  });

  it('should take identical bytes after the default window as a new event', async () => {
    const { deliver, handled, advance } = setup();
    const body = labels('c-1');
    await deliver('labels-update-notification', body);
    advance(tradevestDefaultDedupWindowMs + 1);
    const later = await deliver('labels-update-notification', body);
    expect(later.status).toBe('accepted');
    expect(handled).toHaveLength(2);
    expect(handled[1]!.id).toBe(`${handled[0]!.id}.2`);
  });

  it('should honour a configured dedupWindowMs', async () => {
    const { deliver, handled, advance } = setup({ dedupWindowMs: 60_000 });
    const body = customer('c-1', 'ACTIVE');
    await deliver('customer-notification', body);
    advance(59_000);
    expect((await deliver('customer-notification', body)).status).toBe(
      'duplicate',
    );
    advance(2_000);
    const outcome = await deliver('customer-notification', body);
    expect(outcome.status).toBe('accepted');
    expect(outcome.event.identity.windowMs).toBe(60_000);
    expect(handled).toHaveLength(2);
  });

  it('should compare per native type: the same bytes on another path are another event', async () => {
    const { deliver, handled } = setup();
    const body = JSON.stringify({
      documentId: 'd-1',
      modifiedOn: '2025-06-01T08:15:00.000Z',
      status: 'RECEIVED',
      notificationType: 'CREATED',
    });
    await deliver('document-notification', body);
    await deliver('partner-document-notification', body);
    expect(handled.map(event => event.nativeType)).toEqual([
      'DOCUMENT_NOTIFICATION',
      'PARTNER_DOCUMENT_NOTIFICATION',
    ]);
  });
});

describe('dedupWindowMs setting', () => {
  it.each([0, -1, 1.5, Number.POSITIVE_INFINITY, Number.NaN])(
    'should refuse %s with ConfigurationError',
    value => {
      expect(() =>
        createTradevestAdapter({
          headers: [{ name: 'api-key', value: secret }],
          dedupWindowMs: value,
        }),
      ).toThrowError(
        expect.objectContaining({
          code: 'configuration_invalid',
          message: expect.stringContaining('dedupWindowMs') as string,
        }) as Error,
      );
    },
  );
});

describe('authenticity', () => {
  it('should state the credentials scheme: body, type (path) and subject authenticated, no timestamp', async () => {
    const { deliver } = setup();
    const { event } = await deliver(
      'customer-notification',
      customer('c-1', 'ACTIVE'),
    );
    expect(event.authenticity).toEqual({
      scheme: 'credentials',
      body: true,
      type: true,
      subject: true,
      timestamp: false,
      url: true,
      headers: [],
    });
  });

  it('should state scheme none when authentication is opted out', async () => {
    const adapter = createTradevestAdapter({
      dangerouslyAllowUnauthenticated: true,
    });
    const result = await adapter.receive(
      createRawWebhookRequest({
        url: `${base}/customer-notification`,
        body: customer('c-1', 'ACTIVE'),
      }),
    );
    expect(result.kind === 'event' && result.event.authenticity).toEqual({
      scheme: 'none',
      body: false,
      type: false,
      subject: false,
      timestamp: false,
      url: false,
      headers: [],
    });
  });
});

describe('an unparseable modifiedOn', () => {
  const body = JSON.stringify({
    customerId: 'c-1',
    modifiedOn: 'yesterday',
    // A documented customer status: the only warning is about the time.
    status: 'CREATED',
    notificationType: 'UPDATED',
  });

  it('should leave occurredAt unset and say so in result.warnings', async () => {
    const adapter = createTradevestAdapter({
      headers: [{ name: 'api-key', value: secret }],
    });
    const result = await adapter.receive(
      await signTradevestRequest(
        createRawWebhookRequest({ url: `${base}/customer-notification`, body }),
        { secret },
      ),
    );
    expect(result.kind).toBe('event');
    expect(result.kind === 'event' && result.event.occurredAt).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'compatibility',
        message: expect.stringContaining('yesterday') as string,
      }),
    ]);
  });

  it('should log the warning through the router', async () => {
    const warnings: string[] = [];
    const logger: WebhookLogger = {
      debug: () => {},
      info: () => {},
      warn: (_fields, message) => warnings.push(message),
      error: () => {},
    };
    const webhooks = createWebhooks({
      adapters: [
        createTradevestAdapter({
          headers: [{ name: 'api-key', value: secret }],
        }),
      ],
      logger,
    });
    webhooks.on('customer.status_changed', () => {});
    const outcome = await webhooks.receive(
      'tradevest',
      await signTradevestRequest(
        createRawWebhookRequest({ url: `${base}/customer-notification`, body }),
        { secret },
      ),
    );
    expect(outcome.status).toBe('accepted');
    expect(warnings.some(message => message.includes('yesterday'))).toBe(true);
  });
});
