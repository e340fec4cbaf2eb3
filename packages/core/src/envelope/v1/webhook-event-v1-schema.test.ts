import { describe, expect, it } from 'vitest';
import { webhookEventV1Schema } from './webhook-event-v1-schema';

const valid = {
  specVersion: '1',
  id: 'evt_1',
  identity: { source: 'content', key: 'evt_1', windowMs: 1000 },
  authenticity: {
    scheme: 'signature',
    body: true,
    type: false,
    subject: false,
    timestamp: false,
    url: false,
    headers: [],
  },
  provider: 'solaris',
  type: 'booking.created',
  nativeType: 'BOOKING',
  receivedAt: '2026-11-20T10:00:01.000Z',
  data: {},
  delivery: { attempt: 2, headers: { 'solaris-entity-id': 'abc' } },
};

describe('webhookEventV1Schema', () => {
  it('should accept a minimal envelope and an invalid-event envelope', () => {
    expect(webhookEventV1Schema.safeParse(valid).success).toBe(true);
    expect(
      webhookEventV1Schema.safeParse({
        ...valid,
        issues: [{ path: ['a', 0], message: 'x', code: 'invalid_type' }],
      }).success,
    ).toBe(true);
  });

  it.each([
    ['specVersion', { specVersion: '2' }],
    ['type grammar', { type: 'Booking' }],
    ['type without action', { type: 'booking' }],
    ['provider', { provider: 'Solaris Bank' }],
    ['empty id', { id: '' }],
    ['receivedAt', { receivedAt: 'yesterday' }],
    ['occurredAt', { occurredAt: '2026-13-01' }],
    ['attempt', { delivery: { attempt: -1 } }],
    ['identity source', { identity: { source: 'header', key: 'x' } }],
    ['missing authenticity', { authenticity: undefined }],
  ])('should reject a bad %s', (_name, change) => {
    expect(
      webhookEventV1Schema.safeParse({ ...valid, ...change }).success,
    ).toBe(false);
  });
});
