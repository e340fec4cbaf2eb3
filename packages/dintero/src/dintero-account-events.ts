import { defineWebhookEvent } from '@finhooks/core';
import {
  dinteroAccountEventSchema,
  dinteroApprovalPayoutDestinationEventSchema,
  dinteroCddCaseEventSchema,
  dinteroPayoutDestinationEventSchema,
  dinteroSettlementEventSchema,
  dinteroStoreEventSchema,
  type DinteroAccountEvent,
  type DinteroComplianceCase,
  type DinteroPayoutDestinationEvent,
  type DinteroStoreEvent,
} from './dintero-account-schemas';
import { lastChange, subjectOf } from './dintero-event-helpers';
import {
  dinteroCaseStatuses,
  dinteroPayoutDestinationStatuses,
} from './dintero-statuses';

function describeAccount(data: DinteroAccountEvent) {
  return {
    // The account object's own id; the envelope's account_id as fallback.
    subject: subjectOf('account', data.account?.account_id, data.account_id),
    occurredAt: lastChange(data.account),
  };
}

function describeStore({ store }: DinteroStoreEvent) {
  return {
    subject: subjectOf('store', store?.id, store?.store_id),
    status: store?.status,
    occurredAt: lastChange(store),
  };
}

function describePayoutDestination({
  payout_destination: destination,
}: DinteroPayoutDestinationEvent) {
  return {
    subject: subjectOf(
      'payout_destination',
      destination?.payout_destination_id,
      destination?.id,
    ),
    status: destination?.status ?? destination?.case_status,
    occurredAt: lastChange(destination),
  };
}

function describeCase(data: {
  payment_case?: DinteroComplianceCase | null;
  payout_destination_case?: DinteroComplianceCase | null;
}) {
  // Dintero sends one of the two cases, never both.
  const complianceCase = data.payment_case ?? data.payout_destination_case;
  return {
    subject: subjectOf('compliance_case', complianceCase?.id),
    status: complianceCase?.case_status,
    occurredAt: lastChange(complianceCase),
  };
}

const hooksApi = 'https://docs.dintero.com/webhooks-api.html';

const account = <TType extends string>(type: TType, reference: string) =>
  defineWebhookEvent({
    type,
    subjectType: 'account',
    reference,
    schema: dinteroAccountEventSchema,
    describe: describeAccount,
  });
const store = <TType extends string>(type: TType, reference: string) =>
  defineWebhookEvent({
    type,
    subjectType: 'store',
    reference,
    schema: dinteroStoreEventSchema,
    describe: describeStore,
  });
const payoutDestination = <TType extends string>(
  type: TType,
  reference: string,
) =>
  defineWebhookEvent({
    type,
    subjectType: 'payout_destination',
    statuses: dinteroPayoutDestinationStatuses,
    reference,
    schema: dinteroPayoutDestinationEventSchema,
    describe: describePayoutDestination,
  });

const storeReference = (action: string) =>
  `${hooksApi} (changelog 2026-05-16: account_store_add / _update / _delete, renamed from account_location_*): a store ${action}; body \`store{store_id, id, status, store_name, …}\``;
const payoutDestinationReference = (action: string) =>
  `${hooksApi} (changelog 2026-06-18: account_payout_destination_add / _update / _delete): a payout destination ${action}; body \`payout_destination\`. Status enum: https://docs.dintero.com/management-auth-api/payout-destinations/aid_mgmnt_payout_destinations_post`;

/** Accounts, stores, payout destinations, compliance cases, settlements. */
export const dinteroAccountEvents = {
  account_add: account(
    'account.created',
    `${hooksApi} (Accounts: account_add / account_update): "The event is sent from auth service after an account is added or updated."`,
  ),
  account_update: account(
    'account.updated',
    `${hooksApi} (Accounts: account_add / account_update): "The event is sent from auth service after an account is added or updated."`,
  ),
  account_store_add: store('store.created', storeReference('was added')),
  account_store_update: store('store.updated', storeReference('was updated')),
  account_store_delete: store('store.deleted', storeReference('was deleted')),
  account_payout_destination_add: payoutDestination(
    'payout_destination.created',
    payoutDestinationReference('was added'),
  ),
  account_payout_destination_update: payoutDestination(
    'payout_destination.updated',
    payoutDestinationReference('was updated'),
  ),
  account_payout_destination_delete: payoutDestination(
    'payout_destination.deleted',
    payoutDestinationReference('was deleted'),
  ),
  // The case's status changed: its new `case_status` is the point.
  cdd_case_update: defineWebhookEvent({
    type: 'compliance_case.status_changed',
    subjectType: 'compliance_case',
    statuses: dinteroCaseStatuses,
    reference:
      'https://docs.dintero.com/api-reference/example-management-auth-events/cdd_case_update: "Event is pushed to subscribers when a CDD case changes status. Note that the event will only include one of payout_destination_case or payment_case never both"; case statuses: approvals_payments_statuses',
    schema: dinteroCddCaseEventSchema,
    describe: describeCase,
  }),
  approval_payout_destination_update: defineWebhookEvent({
    type: 'compliance_case.status_changed',
    subjectType: 'compliance_case',
    statuses: dinteroCaseStatuses,
    reference: `${hooksApi} (Accounts events: approval_payout_destination_update): "Event is pushed to subscribers when the case_status of a seller approval changes"`,
    schema: dinteroApprovalPayoutDestinationEventSchema,
    describe: describeCase,
  }),
  // Dintero archives the approval: "deleted" in the shared vocabulary (the
  // action names the event; the case's last status is kept in `status`).
  approval_payout_destination_delete: defineWebhookEvent({
    type: 'compliance_case.deleted',
    subjectType: 'compliance_case',
    statuses: dinteroCaseStatuses,
    reference: `${hooksApi} (Accounts events: approval_payout_destination_delete): "Event is pushed to subscribers when the approval is archived"; body: "The seller approval case that was deleted"`,
    schema: dinteroApprovalPayoutDestinationEventSchema,
    describe: describeCase,
  }),
  settlement_add: defineWebhookEvent({
    type: 'settlement.created',
    subjectType: 'settlement',
    reference: `${hooksApi} (Settlements: settlement_add; changelog 2021-01-01 "Add support for subscription on settlement_add events"): a settlement report was added`,
    schema: dinteroSettlementEventSchema,
    describe: ({ settlement }) => ({
      subject: subjectOf('settlement', settlement?.id),
      occurredAt: settlement?.created_at ?? settlement?.settled_at,
    }),
  }),
};
