import { describe, expect, it } from 'vitest';
import { redpinEventId } from './redpin-event-id';
import { redpinGeneration, redpinNativeType } from './redpin-native-type';

describe('redpinNativeType', () => {
  it.each([
    [{ event_type: 'PAYMENT STATUS', data: {} }, 'PAYMENT STATUS'],
    [{ event_type: 'SOMETHING NEW', payment_id: '1' }, 'SOMETHING NEW'],
    [{ payment_id: '1', customer_id: 'c', event_id: '1' }, 'PAYMENT STATUS'],
    [
      { event_id: '1', customer_id: 'c', status: 'APPROVED' },
      'THIRD PARTY CUSTOMER STATUS',
    ],
    [
      { client_customer_ref: 'r', customer_id: 'c' },
      'THIRD PARTY CUSTOMER STATUS',
    ],
    [
      { customer_id: 'c', status: 'active', unique_identifier: 'u' },
      'CUSTOMER STATUS',
    ],
    [{ customer_id: 'c', event_id: null, status: 'active' }, 'CUSTOMER STATUS'],
    [{ event_id: '1', status: 'X' }, 'UNCLASSIFIED'],
    [{ event_type: '' }, 'UNCLASSIFIED'],
    [null, 'UNCLASSIFIED'],
    ['PAYMENT STATUS', 'UNCLASSIFIED'],
    [[{ payment_id: '1' }], 'UNCLASSIFIED'],
  ])('should classify %j as %s', (body, expected) => {
    expect(redpinNativeType(body)).toBe(expected);
  });
});

describe('redpinGeneration', () => {
  it('should read a body with event_type as the envelope, anything else as flat', () => {
    expect(
      redpinGeneration({ event_type: 'X', version: 'v1.0.0', data: {} }),
    ).toBe('envelope');
    expect(redpinGeneration({ event_type: 'X' })).toBe('envelope');
    expect(redpinGeneration({ version: 'v1.0.0', payment_id: '1' })).toBe(
      'flat',
    );
    expect(redpinGeneration('text')).toBe('flat');
  });
});

describe('redpinEventId', () => {
  it.each([
    [{ event_id: '1', payment_id: 'p' }, 'p:1'],
    [
      {
        event_id: '1',
        event_type: 'PAYMENT STATUS',
        data: { payment_id: 'p', customer_id: 'c' },
      },
      'p:1',
    ],
    [{ event_id: '1', event_type: 'X', data: { customer_id: 'c' } }, 'c:1'],
    [{ event_id: 2, customer_id: 'c' }, 'c:2'],
    [{ event_id: '1' }, undefined],
    [{ event_id: '', payment_id: 'p' }, undefined],
    [{ customer_id: 'c' }, undefined],
    [[], undefined],
  ])('should derive the id of %j as %s', (body, expected) => {
    expect(redpinEventId(body)).toBe(expected);
  });
});
