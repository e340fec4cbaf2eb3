// docs/vocabulary.md for Solaris: the type the concept map names, the
// subject it names, and a normalized status beside the raw one.
import {
  createFetchHandler,
  createWebhooks,
  type WebhookCatalogueEntryV1,
} from '@finhooks/core';
import { toFetchRequest } from '@finhooks/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import { solarisEventReferences } from './solaris-event-references';
import {
  sharedSecretSettings,
  signedSolarisRequest,
  testSecret,
} from './solaris-test-helpers';
import { solarisFixtures } from './testing/solaris-fixtures';

const adapter = createSolarisAdapter(sharedSecretSettings);
const catalogue: readonly WebhookCatalogueEntryV1[] = adapter.catalogue ?? [];
/** Where Solaris documents each type: not in the catalogue, beside it. */
const references: Readonly<Record<string, string | undefined>> =
  solarisEventReferences;

async function receive(
  nativeType: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const result = await adapter.receive(
    await signedSolarisRequest(nativeType, body, headers),
  );
  expect(result.kind, JSON.stringify(result)).toBe('event');
  if (result.kind !== 'event') throw new Error('not an event');
  return result;
}

describe('Solaris catalogue metadata', () => {
  it.each(catalogue.map(entry => [entry.nativeType, entry] as const))(
    '%s names its subject type, its source and its status decisions',
    (_nativeType, entry) => {
      expect(entry.subjectType).toBe(entry.type.split('.')[0]);
      expect(references[entry.nativeType]).toMatch(
        /^(https:\/\/docs\.solarisgroup\.com\/|\.\.\/shared\/PROVIDERS\.md)/,
      );
      if (entry.type.endsWith('.status_changed'))
        expect(
          entry.normalizedStatus !== undefined || entry.statuses !== undefined,
        ).toBe(true);
    },
  );

  it('should cite a source for every native type, and for no other', () => {
    for (const { nativeType } of catalogue)
      expect(references[nativeType], nativeType).toMatch(/\S/);
    expect(Object.keys(references).sort()).toEqual(
      catalogue.map(entry => entry.nativeType).sort(),
    );
  });

  it('should use no action outside the vocabulary', () => {
    for (const entry of catalogue)
      expect(entry.type).toMatch(
        /^[a-z_]+\.(created|updated|deleted|status_changed|requested)$/,
      );
  });
});

describe('published examples', () => {
  it.each(
    solarisFixtures.map(fixture => [fixture.nativeType, fixture] as const),
  )(
    '%s: a documented status is decided, a status change is normalized',
    async (nativeType, fixture) => {
      const { event, warnings } = await receive(
        nativeType,
        fixture.body,
        fixture.headers,
      );
      expect(
        warnings.filter(warning => warning.message.startsWith('Undocumented')),
      ).toEqual([]);
      if (event.type.endsWith('.status_changed'))
        expect(event.normalizedStatus).toBeDefined();
    },
  );
});

describe('ACCOUNT_BLOCK', () => {
  it.each([
    ['DEBIT_BLOCK', 'blocked'],
    ['CREDIT_BLOCK', 'blocked'],
    ['BLOCK', 'blocked'],
    ['NO_BLOCK', 'active'],
    // "Other status values indicate that funds may neither be credited to,
    // nor debited from, the account": locked in any way is blocked.
    ['SOME_FUTURE_BLOCK', 'blocked'],
  ])(
    'should report locking_status %s as %s',
    async (lockingStatus, normalized) => {
      const { event, warnings } = await receive('ACCOUNT_BLOCK', {
        account_id: 'acc1cacc',
        locking_status: lockingStatus,
      });
      expect(event.type).toBe('account.status_changed');
      expect(event.subject).toEqual({ type: 'account', id: 'acc1cacc' });
      expect(event.status).toBe(lockingStatus);
      expect(event.normalizedStatus).toBe(normalized);
      expect(warnings).toEqual([]);
    },
  );

  it('should leave an event without locking_status unnormalized', async () => {
    const { event } = await receive('ACCOUNT_BLOCK', { account_id: 'acc1' });
    expect(event.status).toBeUndefined();
    expect(event.normalizedStatus).toBeUndefined();
  });
});

describe('the type names the new state', () => {
  it.each([
    ['ACQUIRER_TOPUP_DECLINED', 'ACCEPTED', 'failed'],
    ['ACQUIRER_TOPUP_EXECUTED', 'ACCEPTED', 'succeeded'],
    ['ACQUIRER_TOPUP_PAYMENT_FAILED', 'ACCEPTED', 'failed'],
    ['ACQUIRER_TOPUP_EXECUTED', 'DECLINED', 'succeeded'],
  ])(
    '%s with payload status %s is %s, the status kept as spelled',
    async (nativeType, status, normalized) => {
      const { event } = await receive(nativeType, { id: 't1', status });
      expect(event.type).toBe('payment.status_changed');
      expect(event.subject).toEqual({ type: 'payment', id: 't1' });
      expect(event.status).toBe(status);
      expect(event.normalizedStatus).toBe(normalized);
    },
  );

  it.each([
    [
      'ACCOUNT_CLOSURE',
      { account_id: 'a1' },
      'account.status_changed',
      'closed',
    ],
    [
      'SEPA_DIRECT_DEBIT_RETURN',
      { id: 'r1' },
      'direct_debit.status_changed',
      'failed',
    ],
    [
      'SEPA_DIRECT_DEBIT_TRANSACTION_SCHEDULED',
      { id: 'd1' },
      'direct_debit.status_changed',
      'pending',
    ],
    [
      'CARD_FRAUD_CASE_TIMEOUT',
      { id: 'f1', resolution: 'TIMEOUT' },
      'fraud_case.status_changed',
      'expired',
    ],
    [
      'PERSON_SEIZURE_FULFILLED',
      { id: 's1', status: 'FULFILLED' },
      'seizure.status_changed',
      'closed',
    ],
    [
      'TRUSTED_IBAN_CONFIRMED',
      { id: 'ti1' },
      'trusted_iban.status_changed',
      'approved',
    ],
    [
      'SEPA_CREDIT_TRANSACTION_DECLINED',
      { id: 'p1', status: 'declined' },
      'payment.status_changed',
      'failed',
    ],
    [
      'REFERENCE_ACCOUNT_INSTANT_PAYOUT_EXECUTED',
      { id: 'p2', status: 'EXECUTED' },
      'payment.status_changed',
      'succeeded',
    ],
    [
      'INCOMING_REJECTED_TRANSACTION',
      { status: 'RETURNED', account_id: 'a1' },
      'payment.status_changed',
      'failed',
    ],
  ])('%s is %s / %s', async (nativeType, body, type, normalized) => {
    const { event } = await receive(nativeType, body);
    expect(event.type).toBe(type);
    expect(event.normalizedStatus).toBe(normalized);
  });
});

describe('status decisions from the payload', () => {
  it.each([
    ['BATCH_TRANSFER_STATUS_CHANGED', 'REJECTED', 'failed'],
    ['SCHEDULED_TRANSFER_STATUS_CHANGED', 'CANCELED', 'canceled'],
    ['SEPA_SCHEDULED_TRANSACTION', 'DECLINED', 'failed'],
    ['CARD_LIFECYCLE_EVENT', 'BLOCKED_BY_SOLARIS', 'blocked'],
    ['CARD_LIFECYCLE_EVENT', 'CLOSED', 'closed'],
    ['CARD_LIFECYCLE_EVENT', 'ACTIVE', 'active'],
    ['CONSUMER_OVERDRAFT', 'terminated', 'closed'],
    ['CASH_OPERATION_STATUS_CHANGED', 'PAID', 'succeeded'],
    ['IDENTIFICATION', 'successful', 'approved'],
    ['IDENTIFICATION', 'authorization_required', 'requires_action'],
    ['BUSINESS_IDENTIFICATION', 'failed', 'rejected'],
    ['ACCOUNT_CLOSURE_REQUEST_UPDATE', 'REVOKED', 'canceled'],
    ['BUSINESS_FRONTING_APPLICATION', 'rejected', 'rejected'],
    ['CONSUMER_OVERDRAFT_APPLICATION', 'overdraft_created', 'approved'],
  ])('%s status %s is %s', async (nativeType, status, normalized) => {
    const { event, warnings } = await receive(nativeType, {
      id: 'x1',
      status,
    });
    expect(event.status).toBe(status);
    expect(event.normalizedStatus).toBe(normalized);
    expect(warnings).toEqual([]);
  });

  it('should leave RESOLVED reservations unmapped: booked or cancelled is not said', async () => {
    const { event, warnings } = await receive('CARD_AUTHORIZATION_RESOLUTION', {
      id: 'r1',
      status: 'RESOLVED',
    });
    expect(event.type).toBe('card_authorization.status_changed');
    expect(event.status).toBe('RESOLVED');
    expect(event.normalizedStatus).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('should warn about an undocumented status and leave it unnormalized', async () => {
    const { event, warnings } = await receive('CARD_LIFECYCLE_EVENT', {
      id: 'c1',
      status: 'MELTED',
    });
    expect(event.status).toBe('MELTED');
    expect(event.normalizedStatus).toBeUndefined();
    expect(warnings.map(warning => warning.type)).toContain('compatibility');
  });

  it('should let the SDD collection decision decide when the status is not documented', async () => {
    const offered = await receive('SDD_COLLECTION_APPLICATION', {
      id: 'sdd1',
      decision: 'OFFERED',
    });
    expect(offered.event.type).toBe('application.status_changed');
    expect(offered.event.normalizedStatus).toBe('approved');
    const pending = await receive('SDD_COLLECTION_APPLICATION', {
      id: 'sdd1',
      status: 'pending',
      decision: 'REJECTED',
    });
    expect(pending.event.normalizedStatus).toBe('pending');
  });
});

describe('subjects name the resource the type names', () => {
  it('should make a scheduled direct debit profile block a profile update', async () => {
    const { event } = await receive(
      'BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_SCHEDULED',
      {
        id: 'ddp1',
        status: 'ACCEPTED',
      },
    );
    expect(event.type).toBe('direct_debit_profile.updated');
    expect(event.subject).toEqual({ type: 'direct_debit_profile', id: 'ddp1' });
    expect(event.status).toBe('ACCEPTED');
  });

  it('should name the application of a consumer fronting loan', async () => {
    const { event } = await receive('CONSUMER_FRONTING_APPLICATION', {
      id: 'l1cflo',
      application_id: 'a1cfla',
      status: 'payout_issued',
    });
    expect(event.subject).toEqual({ type: 'application', id: 'a1cfla' });
    expect(event.normalizedStatus).toBe('approved');
  });

  it('should name the overdraft, not the limit change request', async () => {
    const { event } = await receive('OVERDRAFT_LIMIT_CHANGE', {
      id: 'lc1ovlc',
      overdraft_id: 'o1covd',
      status: 'attached',
    });
    expect(event.type).toBe('overdraft.updated');
    expect(event.subject).toEqual({ type: 'overdraft', id: 'o1covd' });
    expect(event.status).toBeUndefined();
  });

  it('should give a decline without an authorization id no card subject', async () => {
    const { event } = await receive('CARD_AUTHORIZATION_DECLINE_V2', {
      reason: 'INSUFFICIENT_FUNDS',
      card_transaction: { card_id: 'c1mcrd', status: 'DECLINED' },
    });
    expect(event.type).toBe('card_authorization.status_changed');
    expect(event.subject).toBeUndefined();
    expect(event.normalizedStatus).toBe('failed');
  });
});

describe('router', () => {
  it('should deliver a declined top-up, and no executed one, to payment.status_changed#failed', async () => {
    const webhooks = createWebhooks({
      adapters: [createSolarisAdapter({ defaultSecret: testSecret })],
    });
    const failed = vi.fn();
    webhooks.on('payment.status_changed#failed', failed);
    const fetch = createFetchHandler(webhooks);
    for (const nativeType of [
      'ACQUIRER_TOPUP_DECLINED',
      'ACQUIRER_TOPUP_EXECUTED',
    ]) {
      const response = await fetch(
        toFetchRequest(
          await signedSolarisRequest(nativeType, {
            id: `t-${nativeType}`,
            status: 'ACCEPTED',
          }),
        ),
      );
      expect(response.status).toBe(200);
    }
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed).toHaveBeenCalledWith(
      expect.objectContaining({
        nativeType: 'ACQUIRER_TOPUP_DECLINED',
        status: 'ACCEPTED',
        normalizedStatus: 'failed',
      }),
    );
  });
});
