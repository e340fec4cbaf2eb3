import { CloudEvent, ValidationError } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import type { WebhookEventV1 } from './webhook-event-v1';
import { toCloudEvent } from './to-cloud-event';

const event: WebhookEventV1 = {
  specVersion: '1',
  identity: { source: 'provider_id', key: 'evt_1' },
  authenticity: {
    scheme: 'signature',
    body: true,
    type: true,
    subject: true,
    timestamp: true,
    url: false,
    headers: [],
  },
  id: '2b1c4f6e-8f4e-4c1e-9d55-6a3b1c2d3e4f',
  provider: 'dintero',
  type: 'customer.updated',
  nativeType: 'customer_update',
  subject: { type: 'customer', id: 'cus_1' },
  occurredAt: '2026-11-20T10:00:00.000Z',
  receivedAt: '2026-11-20T10:00:01.000Z',
  livemode: false,
  account: 'T12345678',
  data: { customer: { customer_id: 'cus_1' } },
  delivery: {},
};

describe('toCloudEvent', () => {
  it('should produce an event the official SDK accepts in strict mode', () => {
    const structured = toCloudEvent(event);
    const cloudEvent = new CloudEvent<unknown>(
      { ...structured } as Record<string, unknown>,
      true,
    );
    expect(cloudEvent.validate()).toBe(true);
    expect(cloudEvent.source).toBe('/finhooks/dintero/T12345678');
    expect(cloudEvent.type).toBe('finhooks.customer.updated');
    expect(cloudEvent.subject).toBe('cus_1');
    expect(cloudEvent.time).toBe('2026-11-20T10:00:00.000Z');
    expect(cloudEvent['nativetype']).toBe('customer_update');
    expect(cloudEvent['provider']).toBe('dintero');
    expect(cloudEvent.data).toEqual(event.data);
  });

  it('should fall back to receivedAt and omit subject and account when unknown', () => {
    const { subject: _s, occurredAt: _o, account: _a, ...bare } = event;
    const structured = toCloudEvent({
      ...bare,
      nativeType: 'THIRD PARTY CUSTOMER STATUS',
    });
    expect(structured.time).toBe(event.receivedAt);
    expect(structured.source).toBe('/finhooks/dintero');
    expect('subject' in structured).toBe(false);
    expect(
      new CloudEvent<unknown>(
        { ...structured } as Record<string, unknown>,
        true,
      ).validate(),
    ).toBe(true);
  });

  it('should be rejected by the SDK when broken, so the test can fail', () => {
    expect(
      () =>
        new CloudEvent(
          {
            ...toCloudEvent(event),
            nativetype: undefined,
            'Bad-Name': 1,
          } as never,
          true,
        ),
    ).toThrow(ValidationError);
  });
});
