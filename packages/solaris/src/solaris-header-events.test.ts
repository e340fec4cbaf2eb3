import {
  InvalidJsonError,
  deterministicEventId,
  webhookEventV1Schema,
} from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import { signedSolarisRequest, testSecret } from './solaris-test-helpers';

const adapter = createSolarisAdapter({ defaultSecret: testSecret });

async function receiveEvent(...args: Parameters<typeof signedSolarisRequest>) {
  const result = await adapter.receive(await signedSolarisRequest(...args));
  if (result.kind !== 'event')
    throw new Error(`expected an event, got ${result.kind}`);
  expect(webhookEventV1Schema.safeParse(result.event).error).toBeUndefined();
  return result.event;
}

describe('header-only events', () => {
  const cases = [
    ['PERSON_CHANGED', 'person.updated', 'person'],
    ['PERSON_DELETED', 'person.deleted', 'person'],
    ['PERSON_MOBILE_NUMBER_CREATED', 'mobile_number.created', 'person'],
    ['BUSINESS_CHANGED', 'business.updated', 'business'],
    ['BUSINESS_DELETED', 'business.deleted', 'business'],
  ] as const;

  for (const [nativeType, type, subjectType] of cases) {
    describe(nativeType, () => {
      it.each([
        ['an empty body', ''],
        ['a whitespace body', ' \r\n'],
        ['{}', '{}'],
      ])(
        'should take the subject from Solaris-Entity-Id with %s',
        async (_name, body) => {
          const event = await receiveEvent(nativeType, body, {
            'Solaris-Entity-Id': 'entity_1',
            'Solaris-Webhook-Id': 'whk_1',
          });
          expect(event.type).toBe(type);
          expect(event.subject).toEqual({ type: subjectType, id: 'entity_1' });
          expect(event.data).toEqual({});
          expect(event.delivery.headers).toEqual({
            'solaris-entity-id': 'entity_1',
          });
        },
      );

      it('should deliver without subject when the entity header is missing', async () => {
        const event = await receiveEvent(nativeType, '');
        expect(event.type).toBe(type);
        expect(event.subject).toBeUndefined();
      });
    });
  }

  it('should still require JSON for other event types', async () => {
    const error: unknown = await adapter
      .receive(await signedSolarisRequest('BOOKING', ''))
      .catch((caught: unknown) => caught);
    expect(InvalidJsonError.isInstance(error)).toBe(true);
    expect((error as InvalidJsonError).httpStatus).toBe(400);
  });

  it('should refuse a header-only body that is not JSON', async () => {
    const error: unknown = await adapter
      .receive(await signedSolarisRequest('PERSON_CHANGED', 'not json'))
      .catch((caught: unknown) => caught);
    expect(InvalidJsonError.isInstance(error)).toBe(true);
  });
});

describe('tax identification events', () => {
  it.each([
    ['PERSON_TAX_IDENTIFICATION_CHANGED', 'person', 'person_1cper'],
    ['BUSINESS_TAX_IDENTIFICATION_CHANGED', 'business', 'business_1cbiz'],
  ])(
    '%s: subject from the body, tax id kept from the header',
    async (nativeType, subjectType, id) => {
      const event = await receiveEvent(
        nativeType,
        { id },
        { 'Solaris-Entity-Id': 'tax_1ctin' },
      );
      expect(event.type).toBe('tax_identification.updated');
      expect(event.subject).toEqual({ type: subjectType, id });
      expect(event.data).toEqual({ id });
      expect(event.delivery.headers?.['solaris-entity-id']).toBe('tax_1ctin');
    },
  );
});

describe('event id', () => {
  it('should use Solaris-Webhook-Id when present', async () => {
    const event = await receiveEvent('PERSON_CHANGED', '{}', {
      'Solaris-Webhook-Id': '3f1e8d2a-1111-4c3b-9f0e-2a6b7c8d9e0f',
    });
    expect(event.id).toBe('3f1e8d2a-1111-4c3b-9f0e-2a6b7c8d9e0f');
  });

  it('should hash entity id and body when Solaris-Webhook-Id is absent', async () => {
    const event = await receiveEvent('PERSON_DELETED', '{}', {
      'Solaris-Entity-Id': 'p1cper',
    });
    expect(event.id).toBe(
      await deterministicEventId(
        'solaris',
        'PERSON_DELETED',
        new TextEncoder().encode('p1cper\n{}'),
      ),
    );
    expect(event.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should give header-only events of different entities different ids', async () => {
    const first = await receiveEvent('PERSON_DELETED', '{}', {
      'Solaris-Entity-Id': 'p1cper',
    });
    const second = await receiveEvent('PERSON_DELETED', '{}', {
      'Solaris-Entity-Id': 'p2cper',
    });
    const retry = await receiveEvent('PERSON_DELETED', '{}', {
      'Solaris-Entity-Id': 'p1cper',
    });
    expect(first.id).not.toBe(second.id);
    expect(retry.id).toBe(first.id);
  });

  it('should give the same body of different event types different ids', async () => {
    const changed = await receiveEvent('PERSON_CHANGED', '{}', {
      'Solaris-Entity-Id': 'p1cper',
    });
    const deleted = await receiveEvent('PERSON_DELETED', '{}', {
      'Solaris-Entity-Id': 'p1cper',
    });
    expect(changed.id).not.toBe(deleted.id);
  });
});

describe('delivery facts', () => {
  it('should keep attempt, entity and subscription ids', async () => {
    const event = await receiveEvent(
      'ACCOUNT_CLOSURE',
      { account_id: 'acc_1cacc' },
      {
        'Solaris-Webhook-Attempt': '3',
        'Solaris-Entity-Id': 'acc_1cacc',
        'Solaris-Webhook-Subscription-Id': 'sub_1',
        'Solaris-Webhook-Id': 'whk_2',
      },
    );
    expect(event.delivery).toEqual({
      attempt: 3,
      headers: {
        'solaris-entity-id': 'acc_1cacc',
        'solaris-webhook-subscription-id': 'sub_1',
      },
    });
  });

  it.each(['', 'two', '-1', '1.5'])(
    'should ignore the attempt header %j',
    async attempt => {
      const event = await receiveEvent(
        'ACCOUNT_CLOSURE',
        { account_id: 'a' },
        {
          'Solaris-Webhook-Attempt': attempt,
        },
      );
      expect(event.delivery.attempt).toBeUndefined();
    },
  );
});
