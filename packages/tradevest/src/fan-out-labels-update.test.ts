import { createRawWebhookRequest } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { fanOutLabelsUpdate } from './fan-out-labels-update';
import { createTradevestAdapter } from './tradevest-adapter';

describe('fanOutLabelsUpdate', () => {
  it('should yield one item per updated customer of a received event', async () => {
    const adapter = createTradevestAdapter({
      headers: [{ name: 'api-key', value: 'k' }],
    });
    const result = await adapter.receive(
      createRawWebhookRequest({
        url: 'https://partner.example.com/labels-update-notification',
        headers: { 'api-key': 'k' },
        body: JSON.stringify({
          updatedCustomers: ['c-1', 'c-2', 'c-1'],
          notificationType: 'UPDATED',
        }),
      }),
    );
    expect(result.kind).toBe('event');
    if (
      result.kind !== 'event' ||
      result.event.nativeType !== 'LABELS_UPDATE_NOTIFICATION'
    )
      return;
    const { event } = result;
    expect(event.subject).toBeUndefined();
    expect(fanOutLabelsUpdate(event)).toEqual([
      {
        customerId: 'c-1',
        subject: { type: 'customer', id: 'c-1' },
        idempotencyKey: `${event.id}:c-1`,
      },
      {
        customerId: 'c-2',
        subject: { type: 'customer', id: 'c-2' },
        idempotencyKey: `${event.id}:c-2`,
      },
    ]);
  });

  it('should yield nothing when no customer is listed', () => {
    expect(
      fanOutLabelsUpdate({ id: 'e', data: { updatedCustomers: null } }),
    ).toEqual([]);
    expect(fanOutLabelsUpdate({ id: 'e', data: {} })).toEqual([]);
    expect(
      fanOutLabelsUpdate({ id: 'e', data: { updatedCustomers: [''] } }),
    ).toEqual([]);
  });
});
