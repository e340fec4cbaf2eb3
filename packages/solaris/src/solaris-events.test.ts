import { webhookEventV1Schema } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import { expectedCatalogue } from './__fixtures__/solaris-expected-catalogue';
import { solarisEvents } from './solaris-events';
import {
  sharedSecretSettings,
  signedSolarisRequest,
} from './solaris-test-helpers';
import { solarisFixtures } from './testing/solaris-fixtures';

const money = { value: 1000, unit: 'cents', currency: 'EUR' };

const seizure = {
  id: 's1seiz',
  status: 'ACTIVE',
  amount: money,
  customer_type: 'Person',
};
const reservation = {
  id: 'r1',
  status: 'OPEN',
  amount: money,
  meta_info: '{}',
};

// Minimal payloads, shaped after the fields on each type's Solaris page
// (docs/providers/solaris.md#event-names), for types without a
// published example.
const minimalSamples: Record<string, unknown> = {
  IDENTIFICATION: {
    id: 'i1',
    status: 'successful',
    completed_at: '2024-01-02T03:04:05Z',
  },
  IDENTIFICATION_ORIGINATION: {
    identification_origination_id: 'o1',
    status: 'completed',
  },
  IDENTIFICATION_REFERENCE_TRANSFER_ATTEMPT: {
    id: 'i1',
    method: 'bank_plus',
    remaining_attempts: 2,
  },
  PERSON_MOBILE_NUMBER_DELETED: { id: 'm1' },
  LEGAL_REPRESENTATIVE: {
    id: 'l1',
    legal_representative_id: 'p1cper',
    business_id: 'b1cbiz',
  },
  POSTBOX_ITEM_CREATED: {
    id: 'pb1',
    created_at: '2024-01-02T03:04:05Z',
    document_type: 'ACCOUNT_STATEMENT',
  },
  QUESTIONS_REQUIRE_RESPONSE: { question_set_id: 'q1', questions: [] },
  ACTIVATION_CHALLENGE_CREATION: {
    challenge_id: 'c1',
    person_id: 'p1cper',
    created_at: '2024-01-02T03:04:05Z',
  },
  TRUSTED_IBAN_CONFIRMED: { id: 't1', iban: 'DE87110101001000057123' },
  REFERENCE_ACCOUNT_CREATED: { id: 'ra1', person_id: 'p1cper' },
  POTENTIAL_ACCOUNT_BLOCKING: {
    blocking_date: '2024-03-01',
    reason: 'ID_DOCUMENT_EXPIRY',
  },
  PERSON_MOBILE_NUMBER_CREATED: {},
  BATCH_TRANSFER_STATUS_CHANGED: {
    id: 'bt1',
    status: 'FINISHED',
    total_amount: 1000,
    updated_at: '2025-04-01T14:00:00+00:00',
  },
  SCHEDULED_TRANSFER_STATUS_CHANGED: {
    id: 'st1',
    status: 'ACTIVE',
    account_id: 'a1cacc',
  },
  SEPA_TIMED_ORDER: {
    id: 'to1',
    status: 'EXECUTED',
    processed_at: '2024-01-02T03:04:05Z',
  },
  SEPA_SCHEDULED_TRANSACTION: {
    id: 'so1',
    account_id: 'a1cacc',
    processed_at: '2017-10-21T00:50:00.438Z',
  },
  SEPA_CREDIT_TRANSACTION_DECLINED: {
    id: 'ct1',
    status: 'declined',
    amount: money,
  },
  REFERENCE_ACCOUNT_INSTANT_PAYOUT_EXECUTED: {
    id: 'ip1',
    status: 'EXECUTED',
    amount: money,
  },
  SEPA_DIRECT_DEBIT_RETURN: {
    id: 'r1csdr',
    amount: money,
    recorded_at: '2018-08-12T13:58:58.000Z',
  },
  SEPA_DIRECT_DEBIT_TRANSACTION_SCHEDULED: {
    id: 'dd1',
    account_id: 'a1cacc',
    amount: money,
  },
  SDD_COLLECTION_APPLICATION: {
    id: 'sdd1',
    status: 'pending',
    decision: 'OFFERED',
    limit: money,
  },
  INCOMING_REJECTED_TRANSACTION: {
    status: 'RETURNED',
    account_id: 'a1cacc',
    business_id: 'null',
  },
  CARD_AUTHORIZATION: reservation,
  CARD_AUTHORIZATION_RESOLUTION: {
    ...reservation,
    status: 'RESOLVED',
    meta_info: { cards: {} },
    resolved_at: '2024-01-02T03:04:05Z',
  },
  CARD_AUTHORIZATION_DECLINE: {
    reason: 'INSUFFICIENT_FUNDS',
    card_transaction: {
      card_id: 'c1mcrd',
      status: 'DECLINED',
      attempted_at: '2019-04-01T12:23:42+00:00',
    },
  },
  CARD_AUTHORIZATION_DECLINE_V2: {
    reason: 'INSUFFICIENT_FUNDS',
    card_transaction: { card_id: 'c1mcrd' },
  },
  CARD_DELIVERY_TRACKING: { card_id: 'c1mcrd' },
  SCA_CHALLENGE: { id: 'sca1' },
  RESERVATION_CREATED: { ...reservation, reservation_type: 'SEIZURE' },
  RESERVATION_RESOLVED: { ...reservation, status: 'RESOLVED' },
  RESERVATION_AND_CARD_STATUS_CHANGES: { id: 'r1' },
  PERSON_SEIZURE_CREATED: seizure,
  PERSON_SEIZURE_UPDATED: seizure,
  PERSON_SEIZURE_FULFILLED: { ...seizure, status: 'FULFILLED' },
  PERSON_SEIZURE_DELETED: seizure,
  CONSUMER_OVERDRAFT_APPLICATION: { id: 'oa1', status: 'offered' },
  OVERDRAFT_APPLICATION: { id: 'oa2', status: 'overdraft_created' },
  OVERDRAFT_LIMIT_CHANGE: {
    id: 'e26cd100ovlc',
    overdraft_id: 'fe90cov',
    status: 'attached',
    requested_limit: money,
  },
};

function sampleFor(nativeType: string): unknown {
  return (
    solarisFixtures.find(fixture => fixture.nativeType === nativeType)?.body ??
    minimalSamples[nativeType]
  );
}

const adapter = createSolarisAdapter(sharedSecretSettings);

describe('solarisEvents catalogue', () => {
  it('should hold exactly the documented native types', () => {
    expect(Object.keys(solarisEvents).sort()).toEqual(
      Object.keys(expectedCatalogue).sort(),
    );
    expect(adapter.nativeTypes).toHaveLength(
      Object.keys(expectedCatalogue).length,
    );
  });

  for (const [nativeType, [type, subjectType]] of Object.entries(
    expectedCatalogue,
  )) {
    it(`should map ${nativeType} to ${type}`, async () => {
      const sample = sampleFor(nativeType);
      expect(sample, `no sample for ${nativeType}`).toBeDefined();
      const result = await adapter.receive(
        await signedSolarisRequest(nativeType, sample, {
          'Solaris-Entity-Id': 'entity_1',
        }),
        { receivedAt: new Date('2026-01-01T00:00:00Z') },
      );
      expect(result.kind, JSON.stringify(result)).toBe('event');
      if (result.kind !== 'event') return;
      expect(
        webhookEventV1Schema.safeParse(result.event).error,
      ).toBeUndefined();
      expect(result.event.type).toBe(type);
      expect(result.event.subject?.type).toBe(subjectType);
    });
  }
});

describe('schema drift', () => {
  it('should mark a booking with a fractional amount invalid, not drop it', async () => {
    const result = await adapter.receive(
      await signedSolarisRequest('BOOKING', {
        id: 'b1',
        amount: { value: 1.5, unit: 'cents', currency: 'EUR' },
      }),
    );
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.event.type).toBe('booking.created');
    expect(result.event.issues[0]?.path).toEqual(['amount', 'value']);
  });

  it('should mark a card lifecycle event without id invalid', async () => {
    const result = await adapter.receive(
      await signedSolarisRequest('CARD_LIFECYCLE_EVENT', { status: 'ACTIVE' }),
    );
    expect(result.kind).toBe('invalid');
  });
});
