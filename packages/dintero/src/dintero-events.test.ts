import {
  createRawWebhookRequest,
  webhookEventV1Schema,
  type NormalizedStatusV1,
} from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createDinteroAdapter } from './dintero-adapter';
import { dinteroEventReferences } from './dintero-event-references';
import { dinteroEvents, type DinteroNativeType } from './dintero-events';
import {
  dinteroExamples,
  dinteroHandshakeExamples,
  signDinteroRequest,
} from './testing/index';

const secret = 'hooks-secret';
const checkout = { secret: 'checkout-secret', accountId: 'T12345678' };
const adapter = createDinteroAdapter({ secret, checkout });
const receivedAt = new Date('2026-05-01T12:00:00Z');

type Expected = [
  type: string,
  subject?: { type: string; id: string },
  status?: string,
  normalizedStatus?: NormalizedStatusV1,
];

// A minimal payload per native type (most have no published example) and
// what it must map to. The resource object each event is about.
const samples: Record<string, [resource: Record<string, unknown>, Expected]> = {
  account_add: [
    { account: { account_id: 'P11111111' } },
    ['account.created', { type: 'account', id: 'P11111111' }],
  ],
  account_update: [
    { account: { account_id: 'P11111111' } },
    ['account.updated', { type: 'account', id: 'P11111111' }],
  ],
  account_store_add: [
    { store: { id: 'st-1', status: 'ACTIVE' } },
    ['store.created', { type: 'store', id: 'st-1' }, 'ACTIVE'],
  ],
  account_store_update: [
    { store: { store_id: 'S01', status: 'ACTIVE' } },
    ['store.updated', { type: 'store', id: 'S01' }, 'ACTIVE'],
  ],
  account_store_delete: [
    { store: { id: 'st-1' } },
    ['store.deleted', { type: 'store', id: 'st-1' }],
  ],
  account_payout_destination_add: [
    { payout_destination: { payout_destination_id: 'pd-1', status: 'ACTIVE' } },
    [
      'payout_destination.created',
      { type: 'payout_destination', id: 'pd-1' },
      'ACTIVE',
      'active',
    ],
  ],
  account_payout_destination_update: [
    { payout_destination: { id: 'pd-1', case_status: 'UNDER_MANUAL_REVIEW' } },
    [
      'payout_destination.updated',
      { type: 'payout_destination', id: 'pd-1' },
      'UNDER_MANUAL_REVIEW',
      'pending',
    ],
  ],
  account_payout_destination_delete: [
    { payout_destination: { payout_destination_id: 'pd-1' } },
    ['payout_destination.deleted', { type: 'payout_destination', id: 'pd-1' }],
  ],
  cdd_case_update: [
    { account: {}, payment_case: { id: 'case-1', case_status: 'ACTIVE' } },
    [
      'compliance_case.status_changed',
      { type: 'compliance_case', id: 'case-1' },
      'ACTIVE',
      'approved',
    ],
  ],
  approval_payout_destination_update: [
    { payout_destination_case: { id: 'case-2', case_status: 'DECLINED' } },
    [
      'compliance_case.status_changed',
      { type: 'compliance_case', id: 'case-2' },
      'DECLINED',
      'rejected',
    ],
  ],
  approval_payout_destination_delete: [
    { payout_destination_case: { id: 'case-2', case_status: 'ARCHIVED' } },
    [
      'compliance_case.deleted',
      { type: 'compliance_case', id: 'case-2' },
      'ARCHIVED',
      'canceled',
    ],
  ],
  settlement_add: [
    { settlement: { id: 'set-1' } },
    ['settlement.created', { type: 'settlement', id: 'set-1' }],
  ],
  customer_add: [
    { id: 'cus-1', status: 'active' },
    ['customer.created', { type: 'customer', id: 'cus-1' }, 'active'],
  ],
  customer_update: [
    { id: 'cus-1' },
    ['customer.updated', { type: 'customer', id: 'cus-1' }],
  ],
  customer_delete: [
    { customer_id: 'c-1' },
    ['customer.deleted', { type: 'customer', id: 'c-1' }],
  ],
  // The customer's status is not the request's: not read.
  customer_change_password: [
    { id: 'cus-1', status: 'active', context: { created_by: 'API_USER' } },
    ['password_change.requested', { type: 'password_change', id: 'cus-1' }],
  ],
  receipt_add: [
    { id: 'rec-1' },
    ['receipt.created', { type: 'receipt', id: 'rec-1' }],
  ],
  receipt_update: [
    { receipt_id: '714118' },
    ['receipt.updated', { type: 'receipt', id: '714118' }],
  ],
  token_add: [
    { id: 'tok-1' },
    ['token.created', { type: 'token', id: 'tok-1' }],
  ],
  token_remove: [
    { id: 'tok-1' },
    ['token.deleted', { type: 'token', id: 'tok-1' }],
  ],
  transaction: [
    { id: 'tx-1', status: 'DONE' },
    [
      'pos_transaction.updated',
      { type: 'pos_transaction', id: 'tx-1' },
      'DONE',
    ],
  ],
  wallet_transaction: [
    { id: 'wt-1', amount: 69900 },
    ['wallet_transaction.created', { type: 'wallet_transaction', id: 'wt-1' }],
  ],
  discount_add: [
    { id: 'd-1' },
    ['discount.created', { type: 'discount', id: 'd-1' }],
  ],
  discount_update: [
    { id: 'd-1' },
    ['discount.updated', { type: 'discount', id: 'd-1' }],
  ],
  discount_delete: [
    { id: 'd-1' },
    ['discount.deleted', { type: 'discount', id: 'd-1' }],
  ],
  discount_add_customers: [
    { id: 'ref-1', customer_id: 'c-1', discount: { id: 'd-1' } },
    ['discount_customer.created', { type: 'discount_customer', id: 'c-1' }],
  ],
  discount_delete_customers: [
    { id: 'ref-1', customer_id: 'c-1', discount: { id: 'd-1' } },
    ['discount_customer.deleted', { type: 'discount_customer', id: 'c-1' }],
  ],
  discount_customer_update: [
    { customer_id: 'c-1', discounts: [{ id: 'd-1' }] },
    ['discount_customer.updated', { type: 'discount_customer', id: 'c-1' }],
  ],
  location_add: [
    { location: { id: 'loc-1', status: 'Active' } },
    ['location.created', { type: 'location', id: 'loc-1' }, 'Active', 'active'],
  ],
  location_update: [
    { location: { location_id: 'S01923' } },
    ['location.updated', { type: 'location', id: 'S01923' }],
  ],
  location_delete: [
    { location: { id: 'loc-1' } },
    ['location.deleted', { type: 'location', id: 'loc-1' }],
  ],
  shopping_draft_add: [
    { id: 'dr-1' },
    ['draft.created', { type: 'draft', id: 'dr-1' }],
  ],
  shopping_draft_update: [
    { id: 'dr-1' },
    ['draft.updated', { type: 'draft', id: 'dr-1' }],
  ],
  shopping_draft_complete: [
    { id: 'dr-1' },
    [
      'draft.status_changed',
      { type: 'draft', id: 'dr-1' },
      undefined,
      'succeeded',
    ],
  ],
  shopping_order_update: [
    { order_id: 'o-1', status: 'delivered' },
    ['order.updated', { type: 'order', id: 'o-1' }, 'delivered'],
  ],
  shopping_order_event_add: [
    { order_id: 'o-1' },
    ['order.updated', { type: 'order', id: 'o-1' }],
  ],
  shopping_order_delete: [
    { id: 'o-1' },
    ['order.deleted', { type: 'order', id: 'o-1' }],
  ],
  checkout_authorization: [
    { transaction: { id: 'P1.tx', status: 'AUTHORIZED' } },
    [
      'payment.status_changed',
      { type: 'payment', id: 'P1.tx' },
      'AUTHORIZED',
      'authorized',
    ],
  ],
  checkout_transaction: [
    { transaction: { id: 'P1.tx', status: 'CAPTURED', amount: 1000 } },
    [
      'payment.status_changed',
      { type: 'payment', id: 'P1.tx' },
      'CAPTURED',
      'succeeded',
    ],
  ],
  checkout_token_add: [
    { token: { id: 'ct-1', status: 'ACTIVE' } },
    ['card_token.created', { type: 'card_token', id: 'ct-1' }, 'ACTIVE'],
  ],
  checkout_token_update: [
    { id: 'ct-1' },
    ['card_token.updated', { type: 'card_token', id: 'ct-1' }],
  ],
  checkout_token_delete: [
    { card_token: { id: 'ct-1' } },
    ['card_token.deleted', { type: 'card_token', id: 'ct-1' }],
  ],
};

async function receiveHook(
  nativeType: string,
  resource: Record<string, unknown>,
) {
  const body = {
    account_id: 'P12345678',
    event: nativeType,
    event_delivery: `delivery-${nativeType}`,
    ...resource,
  };
  const request = await signDinteroRequest(
    createRawWebhookRequest({
      url: 'http://localhost:3000/webhooks/dintero',
      headers: { event: nativeType },
      body: JSON.stringify(body),
    }),
    { secret },
  );
  return adapter.receive(request, { receivedAt });
}

describe('the Dintero catalogue', () => {
  it('should cover every native type with a sample, and nothing else', () => {
    const hookTypes = adapter.nativeTypes.filter(
      type => type !== 'checkout_callback',
    );
    expect(Object.keys(samples).sort()).toEqual([...hookTypes].sort());
    // 41 subscribable Hooks events (+ ping as a handshake, + the seed's
    // discount_delete_customers) and the Checkout callback.
    expect(adapter.nativeTypes).toHaveLength(43);
    expect(adapter.nativeTypes).not.toContain('ping');
  });

  it('should use normalized types of the shared grammar', () => {
    for (const definition of Object.values(dinteroEvents)) {
      expect(definition.type).toMatch(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/);
    }
  });

  it.each(Object.entries(samples))(
    'should map %s to a valid envelope',
    async (nativeType, [resource, [type, subject, status, normalized]]) => {
      const result = await receiveHook(nativeType, resource);
      expect(result.kind).toBe('event');
      if (result.kind !== 'event') return;
      const { event } = result;
      expect(webhookEventV1Schema.safeParse(event).error).toBeUndefined();
      expect(event).toMatchObject({
        id: `delivery-${nativeType}`,
        nativeType,
        type,
        account: 'P12345678',
        livemode: true,
      });
      expect(event.subject).toEqual(subject);
      expect(event.status).toBe(status);
      expect(event.normalizedStatus).toBe(normalized);
      expect(result.warnings).toEqual([]);
    },
  );

  it.each(Object.keys(samples))(
    'should map %s with an empty resource (fields mask) to a valid envelope',
    async nativeType => {
      const result = await receiveHook(nativeType, {});
      expect(result.kind).toBe('event');
      if (result.kind === 'event') {
        expect(
          webhookEventV1Schema.safeParse(result.event).error,
        ).toBeUndefined();
      }
    },
  );
});

describe('normalized statuses', () => {
  it.each([
    ['INITIATED', 'pending'],
    ['ON_HOLD', 'pending'],
    ['AUTHORIZED', 'authorized'],
    ['PARTIALLY_CAPTURED', 'succeeded'],
    ['CAPTURED', 'succeeded'],
    ['PARTIALLY_CAPTURED_REFUNDED', 'refunded'],
    ['PARTIALLY_REFUNDED', 'refunded'],
    ['REFUNDED', 'refunded'],
    ['AUTHORIZATION_VOIDED', 'canceled'],
    ['DECLINED', 'failed'],
    ['FAILED', 'failed'],
    ['UNKNOWN', undefined],
  ] as const)(
    'should decide the Checkout transaction status %s as %s',
    async (status, normalized) => {
      const result = await receiveHook('checkout_transaction', {
        transaction: { id: 'P1.tx', status },
      });
      expect(result.kind === 'event' && result.event).toMatchObject({
        type: 'payment.status_changed',
        status,
      });
      expect(result.kind === 'event' && result.event.normalizedStatus).toBe(
        normalized,
      );
      expect(result.warnings).toEqual([]);
    },
  );

  it('should warn about an undocumented transaction status and leave it undecided', async () => {
    const result = await receiveHook('checkout_transaction', {
      transaction: { id: 'P1.tx', status: 'SETTLED' },
    });
    expect(result.kind === 'event' && result.event.status).toBe('SETTLED');
    expect(
      result.kind === 'event' && result.event.normalizedStatus,
    ).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'compatibility' }),
    ]);
  });

  it('should carry a failed authorization as its error code, never as a success', async () => {
    const cancelled = await receiveHook('checkout_authorization', {
      authorization: { transaction_id: 'P1.tx', error: 'cancelled' },
    });
    expect(cancelled.kind === 'event' && cancelled.event).toMatchObject({
      subject: { type: 'payment', id: 'P1.tx' },
      status: 'cancelled',
      normalizedStatus: 'canceled',
    });
    const failed = await receiveHook('checkout_authorization', {
      authorization: { session_id: 'P1.ses', error: 'authorization' },
    });
    expect(failed.kind === 'event' && failed.event).toMatchObject({
      status: 'authorization',
      normalizedStatus: 'failed',
    });
    expect(failed.warnings).toEqual([]);
  });

  it("should prefer the authorization's transaction status over its error", async () => {
    const result = await receiveHook('checkout_authorization', {
      authorization: { transaction_id: 'P1.tx', error: 'failed' },
      transaction: { id: 'P1.tx', status: 'DECLINED' },
    });
    expect(result.kind === 'event' && result.event).toMatchObject({
      status: 'DECLINED',
      normalizedStatus: 'failed',
    });
  });

  it.each([
    ['ACTIVE', 'approved'],
    ['DECLINED', 'rejected'],
    ['UNDER_MANUAL_REVIEW', 'pending'],
    ['AUTOMATIC_REVIEW', 'pending'],
    ['WAITING_FOR_SIGNATURE', 'requires_action'],
    ['WAITING_FOR_DECLARATION', 'requires_action'],
    ['WAITING_FOR_DETAILS', 'requires_action'],
    ['ERROR', undefined],
    ['ARCHIVED', 'canceled'],
    ['TERMINATED', 'rejected'],
  ] as const)(
    'should decide the case status %s as %s',
    async (status, normalized) => {
      for (const [nativeType, key] of [
        ['cdd_case_update', 'payout_destination_case'],
        ['approval_payout_destination_update', 'payout_destination_case'],
      ] as const) {
        const result = await receiveHook(nativeType, {
          [key]: { id: 'case-1', case_status: status },
        });
        expect(result.kind === 'event' && result.event).toMatchObject({
          type: 'compliance_case.status_changed',
          status,
        });
        expect(result.kind === 'event' && result.event.normalizedStatus).toBe(
          normalized,
        );
        expect(result.warnings).toEqual([]);
      }
    },
  );

  it('should cite a document for exactly the native types of the catalogue', () => {
    const catalogue = adapter.catalogue ?? [];
    expect(Object.keys(dinteroEventReferences).sort()).toEqual(
      catalogue.map(entry => entry.nativeType).sort(),
    );
    for (const entry of catalogue) {
      expect(
        dinteroEventReferences[entry.nativeType as DinteroNativeType],
        entry.nativeType,
      ).toMatch(/\S/);
    }
  });

  it('should decide every status value of the catalogue', () => {
    for (const entry of adapter.catalogue ?? []) {
      expect(
        dinteroEventReferences[entry.nativeType as DinteroNativeType],
        entry.nativeType,
      ).toMatch(/^https:\/\/docs\.dintero\.com\//);
      expect(entry.subjectType, entry.nativeType).toBe(
        entry.type.split('.')[0],
      );
      if (entry.type.endsWith('.status_changed')) {
        expect(
          entry.statuses ?? entry.normalizedStatus,
          entry.nativeType,
        ).toBeDefined();
      }
    }
  });
});

describe('published examples', () => {
  it.each(dinteroExamples.map(example => [example.name, example] as const))(
    'should map %s as recorded in the snapshot',
    async (_name, example) => {
      const request = await signDinteroRequest(
        createRawWebhookRequest(example.request),
        {
          secret: example.mechanism === 'hooks' ? secret : checkout.secret,
          ...(example.accountId === undefined
            ? {}
            : { accountId: example.accountId }),
        },
      );
      const result = await adapter.receive(request, { receivedAt });
      expect(result.kind).toBe('event');
      if (result.kind !== 'event') return;
      // `data` is the validated fixture body itself; the snapshot records
      // what the mapping added.
      const { data: _data, ...envelope } = result.event;
      expect(envelope).toMatchSnapshot();
    },
  );

  it('should answer the published ping as a handshake carrying the subscription', async () => {
    const [ping] = dinteroHandshakeExamples;
    const request = await signDinteroRequest(
      createRawWebhookRequest(ping!.request),
      {
        secret,
      },
    );
    const result = await adapter.receive(request);
    expect(result).toMatchObject({
      kind: 'handshake',
      handshake: {
        provider: 'dintero',
        nativeType: 'ping',
        response: { status: 200 },
        data: { id: 'string', events: ['receipt_add'] },
      },
    });
  });

  it('should keep UTF-8 text of the published bodies intact', () => {
    const discount = dinteroExamples.find(
      e => e.nativeType === 'discount_update',
    );
    expect(discount?.request.body).toContain('Gjør et Stablestol kupp!');
  });
});
