import { describe, expect, it } from 'vitest';
import { redpinEventId, redpinIdentity } from './redpin-identity';
import {
  redpinAmbiguity,
  redpinFlatClassification,
  redpinGeneration,
  redpinNativeType,
} from './redpin-native-type';

/** A documented flat payment (all top-level fields "always present"). */
const flatPayment = {
  event_id: '7',
  payment_id: '123456',
  status: 'RECEIVED_FUNDS',
  customer_id: '0201001008132685',
  client_customer_ref: 'CUST_001',
  event_timestamp: '2025-01-01T10:00:00Z',
  data: { amount: { currency: 'EUR', value: 1000.5 } },
};

function without<T extends object>(body: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...body };
  delete copy[key];
  return copy;
}

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
      { customer_id: 'c', status: 'REJECTED', data: [{ code: 'X' }] },
      'THIRD PARTY CUSTOMER STATUS',
    ],
    [
      { customer_id: 'c', status: 'active', unique_identifier: 'u' },
      'CUSTOMER STATUS',
    ],
    [{ customer_id: 'c', event_id: null, status: 'active' }, 'CUSTOMER STATUS'],
    [
      { customer_id: 'c', status: 'suspended', contacts: [] },
      'CUSTOMER STATUS',
    ],
    // A payment that lost payment_id is still told by its status or data.
    [without(flatPayment, 'payment_id'), 'PAYMENT STATUS'],
    [
      { ...without(flatPayment, 'payment_id'), status: 'NEW', data: {} },
      'PAYMENT STATUS', // ambiguous: the label is only a guess
    ],
    [{ event_id: '1', status: 'X' }, 'UNCLASSIFIED'],
    [{ hello: 'world' }, 'UNCLASSIFIED'],
    [{ event_type: '' }, 'UNCLASSIFIED'],
    [null, 'UNCLASSIFIED'],
    ['PAYMENT STATUS', 'UNCLASSIFIED'],
    [[{ payment_id: '1' }], 'UNCLASSIFIED'],
  ])('should classify %j as %s', (body, expected) => {
    expect(redpinNativeType(body)).toBe(expected);
  });
});

describe('redpinFlatClassification', () => {
  it.each([
    ['a documented flat payment', flatPayment, 'PAYMENT STATUS'],
    [
      'a payment without payment_id but with a payment status',
      without(flatPayment, 'payment_id'),
      'PAYMENT STATUS',
    ],
    [
      'a payment without payment_id but with amounts in data',
      { ...without(flatPayment, 'payment_id'), status: 'NEW' },
      'PAYMENT STATUS',
    ],
    [
      'a flat third-party rejection',
      {
        event_id: '1',
        event_timestamp: '2025-01-01T00:00:00Z',
        customer_id: 'c',
        client_customer_ref: 'r',
        status: 'REJECTED',
        data: { reasons: [] },
      },
      'THIRD PARTY CUSTOMER STATUS',
    ],
  ])('should classify %s unambiguously', (_name, body, nativeType) => {
    const result = redpinFlatClassification(body);
    expect(result).toMatchObject({ nativeType, ambiguous: false });
    expect(redpinAmbiguity(body)).toBeUndefined();
  });

  it.each([
    [
      'a payment without payment_id, with an undocumented status and empty data',
      { ...without(flatPayment, 'payment_id'), status: 'ON_HOLD', data: {} },
      ['PAYMENT STATUS', 'THIRD PARTY CUSTOMER STATUS'],
      /^Ambiguous/,
    ],
    [
      'a third-party body with an undocumented status and no reasons',
      {
        event_id: '1',
        customer_id: 'c',
        client_customer_ref: 'r',
        status: 'X',
      },
      ['PAYMENT STATUS', 'THIRD PARTY CUSTOMER STATUS'],
      /^Ambiguous/,
    ],
    [
      'a customer_id with nothing that tells the shapes apart',
      { customer_id: 'c', status: 'X' },
      ['PAYMENT STATUS', 'THIRD PARTY CUSTOMER STATUS', 'CUSTOMER STATUS'],
      /^Ambiguous/,
    ],
    [
      'a payment status with third-party reasons',
      { ...flatPayment, data: { reasons: [] } },
      ['PAYMENT STATUS', 'THIRD PARTY CUSTOMER STATUS'],
      /^Contradictory/,
    ],
    [
      'a customer status with a client_customer_ref',
      { customer_id: 'c', status: 'active', client_customer_ref: 'r' },
      ['PAYMENT STATUS', 'THIRD PARTY CUSTOMER STATUS', 'CUSTOMER STATUS'],
      /^Contradictory/,
    ],
  ])('should call %s ambiguous', (_name, body, candidates, verdict) => {
    const result = redpinFlatClassification(body);
    expect(result.ambiguous).toBe(true);
    expect(result.candidates).toEqual(candidates);
    expect(redpinAmbiguity(body)).toMatch(verdict);
  });

  it('should not judge envelopes, whose event_type names the type', () => {
    expect(
      redpinAmbiguity({ event_type: 'PAYMENT STATUS', customer_id: 'c' }),
    ).toBeUndefined();
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
    [{ event_id: '1', payment_id: 'p' }, 'PAYMENT STATUS', 'p:1'],
    [
      {
        event_id: '1',
        event_type: 'PAYMENT STATUS',
        data: { payment_id: 'p', customer_id: 'c' },
      },
      'PAYMENT STATUS',
      'p:1',
    ],
    [
      { event_id: '1', event_type: 'X', data: { customer_id: 'c' } },
      'X',
      'c:1',
    ],
    [
      { event_id: 2, customer_id: 'c', status: 'APPROVED' },
      'THIRD PARTY CUSTOMER STATUS',
      'c:2',
    ],
    // A payment without payment_id must not borrow the customer's id.
    [
      { event_id: '1', customer_id: 'c', status: 'RECEIVED_FUNDS' },
      'PAYMENT STATUS',
      undefined,
    ],
    // Ambiguous bodies have no known subject.
    [
      {
        event_id: '1',
        customer_id: 'c',
        client_customer_ref: 'r',
        status: 'X',
      },
      'PAYMENT STATUS',
      undefined,
    ],
    [{ event_id: '1' }, 'UNCLASSIFIED', undefined],
    [{ event_id: '', payment_id: 'p' }, 'PAYMENT STATUS', undefined],
    [{ customer_id: 'c', status: 'active' }, 'CUSTOMER STATUS', undefined],
    [[], 'UNCLASSIFIED', undefined],
  ])('should derive the id of %j (%s) as %s', (body, nativeType, expected) => {
    expect(redpinEventId(body, nativeType)).toBe(expected);
    expect(redpinIdentity(body, nativeType)).toEqual(
      expected === undefined
        ? { source: 'content' }
        : { source: 'provider_id', id: expected },
    );
  });
});
