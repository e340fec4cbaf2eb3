import { createRawWebhookRequest, isUnknownWebhookEvent } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createDinteroAdapter } from './dintero-adapter';
import { dinteroEvents } from './dintero-events';
import { signDinteroRequest } from './testing/index';

// The payload schemas are zod/mini (no locales in the bundle): these pin the
// runtime behaviour they had as classic zod schemas.
const secret = 'hooks-secret';
const adapter = createDinteroAdapter({ secret });
const url = 'https://shop.example.com/webhooks/dintero';
const hookTypes = Object.keys(dinteroEvents).filter(
  type => type !== 'checkout_callback',
);

async function receive(event: string, payload: Record<string, unknown>) {
  const request = await signDinteroRequest(
    createRawWebhookRequest({
      url,
      headers: { event },
      body: JSON.stringify({ event, event_delivery: 'd-1', ...payload }),
    }),
    { secret },
  );
  return adapter.receive(request);
}

describe('Dintero payload schemas', () => {
  it.each(hookTypes)(
    'should accept a %s body with every field missing or null',
    async type => {
      const result = await receive(type, {
        account_id: null,
        created_at: null,
      });
      expect(result.kind).toBe('event');
    },
  );

  it.each(hookTypes)('should keep unknown keys of %s', async type => {
    const result = await receive(type, { extra: { nested: [1, 2] } });
    expect(result.kind === 'event' && result.event.data).toMatchObject({
      extra: { nested: [1, 2] },
    });
  });

  it('should keep unknown keys of nested objects, and of the extended schema', async () => {
    const transaction = await receive('checkout_transaction', {
      transaction: { id: 'tx-1', status: 'CAPTURED', acquirer: 'nets' },
    });
    expect(transaction.kind === 'event' && transaction.event.data).toEqual({
      event: 'checkout_transaction',
      event_delivery: 'd-1',
      transaction: { id: 'tx-1', status: 'CAPTURED', acquirer: 'nets' },
    });
    const password = await receive('customer_change_password', {
      id: 'c-1',
      context: { created_by: 'admin', reason: 'forgotten' },
      locale: 'nb-NO',
    });
    expect(password.kind === 'event' && password.event.data).toMatchObject({
      context: { created_by: 'admin', reason: 'forgotten' },
      locale: 'nb-NO',
    });
  });

  it.each([
    ['a string amount', { amount: '100' }, /Expected number, received string/],
    ['a fractional amount', { amount: 1.5 }, /int/],
    ['an unsafe integer amount', { amount: 2 ** 53 }, /int/],
    ['a numeric status', { status: 5 }, /Expected string, received number/],
  ])(
    'should deliver a transaction with %s as invalid, with a readable issue',
    async (_name, transaction, message) => {
      const result = await receive('checkout_transaction', {
        transaction: { id: 'tx-1', ...transaction },
      });
      expect(result.kind).toBe('invalid');
      if (result.kind !== 'invalid') return;
      expect(result.event.issues[0]?.path?.[0]).toBe('transaction');
      expect(result.event.issues[0]?.message).toMatch(message);
    },
  );

  it('should refuse a nested object of the wrong shape', async () => {
    const result = await receive('discount_customer_update', {
      discounts: { id: 'not-an-array' },
    });
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.event.issues[0]).toMatchObject({
        path: ['discounts'],
        message: 'Expected array, received object',
      });
    }
  });

  it('should type the parsed data as the schema output', async () => {
    const result = await receive('wallet_transaction', {
      id: 'w-1',
      amount: 250,
    });
    expect(result.kind).toBe('event');
    if (result.kind !== 'event' || isUnknownWebhookEvent(result.event)) return;
    if (result.event.nativeType === 'wallet_transaction') {
      expect(result.event.data.amount).toBe(250);
    }
  });
});
