import {
  createMemoryStore,
  createRawWebhookRequest,
  createWebhooks,
  type WebhookLogger,
} from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import customerActive from './__fixtures__/redpin-customer-status-active.json';
import customerInactive from './__fixtures__/redpin-customer-status-inactive.json';
import thirdPartyApproved from './__fixtures__/redpin-third-party-customer-status-approved.json';
import { createRedpinAdapter, type RedpinEvent } from './redpin-adapter';

const token = 'identity-token';
const minute = 60_000;

function setup(dedupWindowMs?: number) {
  let clock = Date.parse('2025-03-01T08:00:00Z');
  const warnings: string[] = [];
  const logger: WebhookLogger = {
    debug: () => {},
    info: () => {},
    warn: (_fields, message) => warnings.push(message),
    error: (_fields, message) => warnings.push(message),
  };
  const webhooks = createWebhooks({
    adapters: [
      createRedpinAdapter({
        auth: { headers: [{ name: 'x-api-key', value: token }] },
        ...(dedupWindowMs === undefined ? {} : { dedupWindowMs }),
      }),
    ],
    store: createMemoryStore({ now: () => clock }),
    logger,
  });
  const received: RedpinEvent[] = [];
  webhooks.onAny(event => {
    received.push(event);
  });
  const deliver = async (payload: unknown) => {
    const outcome = await webhooks.receive(
      'redpin',
      createRawWebhookRequest({
        url: 'https://hooks.example.com/webhooks/redpin',
        headers: { 'content-type': 'application/json', 'x-api-key': token },
        body: JSON.stringify(payload),
      }),
    );
    return outcome.status;
  };
  return {
    deliver,
    received,
    warnings,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

// CUSTOMER STATUS carries no event_id: active → inactive → active sends
// the first body again, byte for byte.
const A = customerActive;
const B = customerInactive;

describe('identity through createWebhooks (memory store)', () => {
  it('should accept A, B, A of one customer as three events', async () => {
    const { deliver, received } = setup();
    expect(await deliver(A)).toBe('accepted');
    expect(await deliver(B)).toBe('accepted');
    expect(await deliver(A)).toBe('accepted');
    expect(received.map(event => event.status)).toEqual([
      'active',
      'inactive',
      'active',
    ]);
    const [first, , third] = received;
    expect(first!.identity.source).toBe('content');
    expect(third!.identity.key).toBe(first!.identity.key);
    expect(third!.id).toBe(`${first!.id}.2`);
    expect(new Set(received.map(event => event.id)).size).toBe(3);
  });

  it('should accept A, A (a retry) as one event', async () => {
    const { deliver, received } = setup();
    expect(await deliver(A)).toBe('accepted');
    expect(await deliver(A)).toBe('duplicate');
    expect(received).toHaveLength(1);
  });

  it('should treat a retry of the latest A, after A, B, A, as a duplicate', async () => {
    const { deliver, received } = setup();
    for (const body of [A, B, A]) await deliver(body);
    expect(await deliver(A)).toBe('duplicate');
    expect(received).toHaveLength(3);
  });

  it('should accept identical bytes after dedupWindowMs as a new event', async () => {
    const { deliver, received, advance } = setup(10 * minute);
    expect(await deliver(A)).toBe('accepted');
    advance(9 * minute);
    expect(await deliver(A)).toBe('duplicate');
    advance(2 * minute); // 11 minutes after the first A
    expect(await deliver(A)).toBe('accepted');
    expect(received).toHaveLength(2);
  });

  it('should keep the window per customer', async () => {
    const { deliver, received } = setup();
    const other = { ...A, customer_id: '0201000000000001' };
    for (const body of [A, other, A, other]) await deliver(body);
    expect(received).toHaveLength(2);
  });

  it('should deduplicate an event_id beyond the content window', async () => {
    const { deliver, received, advance } = setup(minute);
    expect(await deliver(thirdPartyApproved)).toBe('accepted');
    advance(2 * 60 * minute); // within the memory store's retention
    expect(await deliver(thirdPartyApproved)).toBe('duplicate');
    advance(minute);
    // Re-serialised by Redpin (same event_id, other bytes): still a retry.
    expect(
      await deliver({
        ...thirdPartyApproved,
        data: { ...thirdPartyApproved.data },
        extra: true,
      }),
    ).toBe('duplicate');
    expect(await deliver(thirdPartyApproved)).toBe('duplicate');
    expect(received.map(event => event.id)).toEqual(['0201001008132685:3']);
    expect(received[0]!.identity).toEqual({
      source: 'provider_id',
      key: '0201001008132685:3',
    });
  });

  it('should keep one payment event_id apart from another payment', async () => {
    const { deliver, received } = setup();
    const payment = (paymentId: string) => ({
      event_id: '1',
      event_type: 'PAYMENT STATUS',
      version: 'v1.0.0',
      event_timestamp: '2025-01-01T00:00:00Z',
      data: { payment_id: paymentId, status: 'AWAITING_FUNDS' },
    });
    expect(await deliver(payment('p-1'))).toBe('accepted');
    expect(await deliver(payment('p-2'))).toBe('accepted');
    expect(received.map(event => event.id)).toEqual(['p-1:1', 'p-2:1']);
  });

  it('should log an undocumented version, not pass it in silence', async () => {
    const { deliver, warnings } = setup();
    await deliver({ ...thirdPartyApproved, version: 'v1.1.0' });
    expect(warnings.join('\n')).toContain('v1.1.0');
  });
});
