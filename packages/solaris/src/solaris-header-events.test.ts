import { InvalidJsonError, webhookEventV1Schema } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import {
  sharedSecretSettings,
  signedSolarisRequest,
} from './solaris-test-helpers';

const adapter = createSolarisAdapter(sharedSecretSettings);

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
    ['PERSON_MOBILE_NUMBER_CREATED', 'person.updated', 'person'],
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
        'should take the subject from Solaris-Entity-Id, marked unauthenticated, with %s',
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
            'solaris-webhook-id': 'whk_1',
          });
          // Only the body is signed: the header naming the subject is not.
          expect(event.authenticity.body).toBe(true);
          expect(event.authenticity.subject).toBe(false);
        },
      );

      it.each([
        ['missing', {}],
        ['blank', { 'Solaris-Entity-Id': '  ' }],
        ['"null"', { 'Solaris-Entity-Id': 'null' }],
      ])(
        'should quarantine the event as invalid when the entity header is %s',
        async (_name, headers) => {
          const result = await adapter.receive(
            await signedSolarisRequest(nativeType, '{}', headers),
          );
          expect(result.kind).toBe('invalid');
          if (result.kind !== 'invalid') return;
          expect(result.event.type).toBe(type);
          expect(result.event.subject).toBeUndefined();
          expect(result.event.issues).toHaveLength(1);
          expect(result.event.issues[0]?.message).toContain(
            'Solaris-Entity-Id header is missing',
          );
        },
      );
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
      expect(event.type).toBe(`${subjectType}.updated`);
      expect(event.subject).toEqual({ type: subjectType, id });
      expect(event.authenticity.subject).toBe(true);
      expect(event.data).toEqual({ id });
      expect(event.delivery.headers?.['solaris-entity-id']).toBe('tax_1ctin');
    },
  );
});

describe('delivery facts', () => {
  it('should keep attempt, entity, webhook and subscription ids as facts', async () => {
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
        'solaris-webhook-id': 'whk_2',
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
