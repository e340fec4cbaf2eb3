import type { WebhookEventV1 } from '../envelope/v1/webhook-event-v1';

/**
 * A complete, valid envelope for store and relay tests: a signed `acme`
 * payment status change received at 2026-03-01T12:00Z, identified by its
 * provider id. Override what the test is about.
 */
export function createTestWebhookEvent(
  overrides: Partial<WebhookEventV1> & { id: string },
): WebhookEventV1 {
  return {
    specVersion: '1',
    identity: { source: 'provider_id', key: overrides.id },
    authenticity: {
      scheme: 'signature',
      body: true,
      type: true,
      subject: true,
      timestamp: false,
      url: false,
      headers: [],
    },
    provider: 'acme',
    type: 'payment.status_changed',
    nativeType: 'PAYMENT_UPDATED',
    subject: { type: 'payment', id: 'pay_1' },
    status: 'CAPTURED',
    occurredAt: '2026-03-01T11:59:00.000Z',
    receivedAt: '2026-03-01T12:00:00.000Z',
    data: {
      amount: 1250,
      currency: 'EUR',
      note: 'Grüße ✓',
      nested: { list: [1, 2.5, null, true] },
    },
    delivery: { attempt: 1, headers: { 'x-acme-entity': 'ent_1' } },
    ...overrides,
  };
}
