import { createRawWebhookRequest, webhookEventV1Schema } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createTradevestAdapter } from './tradevest-adapter';
import { tradevestEvents } from './tradevest-events';
import {
  tradevestNativeTypes,
  tradevestPathOf,
  type TradevestNativeType,
} from './tradevest-paths';

const id = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const modifiedOn = '2025-06-01T08:15:00.000Z';
const common = { modifiedOn, status: 'PENDING', notificationType: 'UPDATED' };
/** The common fields with a given status. */
function withStatus(status: string) {
  return { ...common, status };
}

// A minimal sample per native type: [body, normalized type, subject type (or
// null), normalized status (undefined: none, or an undocumented status)].
const samples: Record<
  TradevestNativeType,
  [object, string, string | null, string | undefined]
> = {
  CUSTOMER_NOTIFICATION: [
    { customerId: id, ...withStatus('CREATED') },
    'customer.status_changed',
    'customer',
    'pending',
  ],
  NATURAL_PERSON_NOTIFICATION: [
    { naturalPersonId: id, ...withStatus('ACTIVE') },
    'person.status_changed',
    'person',
    'active',
  ],
  IDENTIFICATION_VERIFICATION_NOTIFICATION: [
    {
      identificationVerificationId: id,
      naturalPersonId: 'np-1',
      ...withStatus('APPROVED'),
    },
    'identification.status_changed',
    'identification',
    'approved',
  ],
  LABELS_UPDATE_NOTIFICATION: [
    { updatedCustomers: [id], notificationType: 'UPDATED' },
    'customer.updated',
    null,
    undefined,
  ],
  ONBOARDING_NOTIFICATION: [
    { onboardingId: id, ...withStatus('INVALID') },
    'onboarding.status_changed',
    'onboarding',
    'rejected',
  ],
  PROXY_NOTIFICATION: [
    { proxyId: id, ...withStatus('CREATED') },
    'proxy.status_changed',
    'proxy',
    'pending',
  ],
  BENEFICIAL_OWNER_NOTIFICATION: [
    { beneficialOwnerId: id, ...withStatus('CREATED') },
    'beneficial_owner.status_changed',
    'beneficial_owner',
    'pending',
  ],
  PARTNER_DOCUMENT_NOTIFICATION: [
    { documentId: id, modifiedOn },
    'partner_document.updated',
    'partner_document',
    undefined,
  ],
  DOCUMENT_NOTIFICATION: [
    { documentId: id, ...withStatus('RECEIVED') },
    'document.status_changed',
    'document',
    'pending',
  ],
  CUSTOMER_PRODUCT_NOTIFICATION: [
    { customerId: 'c-1', customerProductId: id, ...withStatus('PENDING') },
    'product.status_changed',
    'product',
    'pending',
  ],
  LEGAL_ENTITY_SEARCH_NOTIFICATION: [
    { searchId: id, modifiedOn, status: 'WAITING_FOR_DATA' },
    'legal_entity_search.status_changed',
    'legal_entity_search',
    'pending',
  ],
  STRATEGY_NOTIFICATION: [
    { strategyId: id, ...withStatus('EXECUTING') },
    'strategy.status_changed',
    'strategy',
    'active',
  ],
  TRANSFER_NOTIFICATION: [
    {
      customerId: 'c-1',
      customerProductId: 'cp-1',
      transferId: id,
      ...withStatus('PROCESSED'),
    },
    'payment.status_changed',
    'payment',
    'succeeded',
  ],
  DIGITAL_ASSET_ORDER_NOTIFICATION: [
    {
      orderId: id,
      customerProductId: 'cp-1',
      externalId: 'ext-1',
      ...withStatus('SETTLED'),
    },
    'order.status_changed',
    'order',
    'succeeded',
  ],
  TRADITIONAL_ASSET_ORDER_NOTIFICATION: [
    {
      orderId: id,
      customerProductId: 'cp-1',
      externalId: 'ext-1',
      ...withStatus('REJECTED'),
    },
    'order.status_changed',
    'order',
    'failed',
  ],
  USER_NOTIFICATION: [
    { userId: id, ...withStatus('RECEIVED') },
    'user.status_changed',
    'user',
    'pending',
  ],
  RE_TOKEN_PRICES: [
    { regularToken: 1.25, premiumToken: 2 },
    'price.updated',
    null,
    undefined,
  ],
  OFFBOARDING_NOTIFICATION: [
    { offboardingId: id, ...withStatus('CREATED') },
    'offboarding.status_changed',
    'offboarding',
    'pending',
  ],
  LEGAL_ENTITY_NOTIFICATION: [
    { legalEntityId: id, ...common },
    'business.status_changed',
    'business',
    undefined,
  ],
  LEGAL_REPRESENTATIVE_NOTIFICATION: [
    { legalRepresentativeId: id, ...common },
    'legal_representative.status_changed',
    'legal_representative',
    undefined,
  ],
  PARTNER_NOTIFICATION: [
    { partnerId: id, ...common },
    'partner.status_changed',
    'partner',
    undefined,
  ],
  JOINT_PERSON_NOTIFICATION: [
    { jointPersonId: id, ...common },
    'person.status_changed',
    'person',
    undefined,
  ],
  TAX_EXEMPTION_ORDER_NOTIFICATION: [
    { taxExemptionOrderId: id, ...common },
    'tax_exemption.status_changed',
    'tax_exemption',
    undefined,
  ],
  CORPORATE_ACTION_NOTIFICATION: [
    { corporateActionId: id, ...common },
    'corporate_action.status_changed',
    'corporate_action',
    undefined,
  ],
  SAVINGS_PLANS_NOTIFICATION: [
    { savingsPlanId: id, ...common },
    'savings_plan.status_changed',
    'savings_plan',
    undefined,
  ],
  TOKENIZED_ASSET_ORDER_NOTIFICATION: [
    { orderId: id, ...withStatus('CANCELED') },
    'order.status_changed',
    'order',
    'canceled',
  ],
};

const adapter = createTradevestAdapter({
  headers: [{ name: 'api-key', value: 'k' }],
});

function receive(nativeType: TradevestNativeType, body: object | string) {
  return adapter.receive(
    createRawWebhookRequest({
      url: `https://partner.example.com/webhooks/tradevest/${tradevestPathOf(nativeType)}`,
      headers: { 'api-key': 'k' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

describe('tradevestEvents', () => {
  it('should define exactly the 26 EventTypeEnum values', () => {
    expect(Object.keys(tradevestEvents).sort()).toEqual(
      [...tradevestNativeTypes].sort(),
    );
    expect(new Set(tradevestNativeTypes).size).toBe(26);
  });

  it.each(
    tradevestNativeTypes.map(
      nativeType => [nativeType, ...samples[nativeType]] as const,
    ),
  )(
    'should map %s to a valid envelope',
    async (nativeType, body, type, subjectType, normalizedStatus) => {
      const result = await receive(nativeType, body);
      expect(result.kind).toBe('event');
      if (result.kind !== 'event') return;
      const { event } = result;
      expect(webhookEventV1Schema.safeParse(event).error).toBeUndefined();
      expect(event.nativeType).toBe(nativeType);
      expect(event.type).toBe(type);
      expect(tradevestEvents[nativeType].type).toBe(type);
      expect(
        adapter.catalogue?.find(entry => entry.nativeType === nativeType)
          ?.subjectType,
      ).toBe(type.split('.')[0]);
      expect(event.normalizedStatus).toBe(normalizedStatus);
      const status = (body as { status?: string }).status;
      // A status nobody documented is kept as sent, unmapped, with a warning.
      expect(result.warnings).toEqual(
        status !== undefined && normalizedStatus === undefined
          ? [
              {
                type: 'compatibility',
                message: `Undocumented tradevest ${nativeType} status "${status}": no normalizedStatus.`,
              },
            ]
          : [],
      );
      if (subjectType === null) {
        expect(event.subject).toBeUndefined();
        expect(event.occurredAt).toBeUndefined();
      } else {
        expect(event.subject).toEqual({ type: subjectType, id });
        expect(event.occurredAt).toBe(modifiedOn);
        expect(event.status).toBe((body as { status?: string }).status);
      }
    },
  );

  it('should map the unpublished types even with an empty body object', async () => {
    for (const nativeType of tradevestNativeTypes.slice(18)) {
      const result = await receive(nativeType, {});
      expect(result.kind, nativeType).toBe('event');
      expect(result.kind === 'event' && result.event.subject).toBeUndefined();
    }
  });

  it('should deliver a VALIDATION_ERROR notification as an ordinary event', async () => {
    const result = await receive('TRADITIONAL_ASSET_ORDER_NOTIFICATION', {
      orderId: id,
      customerProductId: 'cp-1',
      externalId: 'ext-1',
      status: 'INVALID',
      notificationType: 'VALIDATION_ERROR',
      validationError: {
        errorType: 'INSUFFICIENT_BALANCE',
        description: 'Not enough cash',
      },
    });
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event).toMatchObject({
      type: 'order.status_changed',
      status: 'INVALID',
      normalizedStatus: 'failed',
      subject: { type: 'order', id },
      data: {
        notificationType: 'VALIDATION_ERROR',
        validationError: {
          errorType: 'INSUFFICIENT_BALANCE',
          description: 'Not enough cash',
        },
      },
    });
  });

  it('should keep the onboarding list of validation errors', async () => {
    const validationErrors = [
      { errorType: 'CUSTOMER_STATUS_VERIFICATION', description: 'x' },
    ];
    const result = await receive('ONBOARDING_NOTIFICATION', {
      onboardingId: id,
      modifiedOn,
      status: 'REJECTED',
      notificationType: 'VALIDATION_ERROR',
      validationErrors,
    });
    expect(result.kind === 'event' && result.event.data).toMatchObject({
      validationErrors,
    });
  });

  it('should quarantine a payload without its object id (kind invalid, not thrown)', async () => {
    const result = await receive('CUSTOMER_NOTIFICATION', {
      notificationType: 'UPDATED',
    });
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.event.type).toBe('customer.status_changed');
    expect(result.event.issues.map(issue => issue.path)).toContainEqual([
      'customerId',
    ]);
  });

  it('should leave occurredAt out when modifiedOn is not a time', async () => {
    const result = await receive('CUSTOMER_NOTIFICATION', {
      customerId: id,
      modifiedOn: 'yesterday',
      notificationType: 'UPDATED',
    });
    expect(result.kind === 'event' && result.event.occurredAt).toBeUndefined();
  });

  it('should give the same delivery the same id and different bodies different ids', async () => {
    const [body] = samples.CUSTOMER_NOTIFICATION;
    const first = await receive('CUSTOMER_NOTIFICATION', body);
    const again = await receive('CUSTOMER_NOTIFICATION', body);
    const later = await receive('CUSTOMER_NOTIFICATION', {
      ...body,
      modifiedOn: '2025-06-02T00:00:00Z',
    });
    const ids = [first, again, later].map(
      result => result.kind === 'event' && result.event.id,
    );
    expect(ids[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
