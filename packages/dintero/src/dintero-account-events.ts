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

const account = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroAccountEventSchema,
    describe: describeAccount,
  });
const store = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroStoreEventSchema,
    describe: describeStore,
  });
const payoutDestination = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    statuses: dinteroPayoutDestinationStatuses,
    schema: dinteroPayoutDestinationEventSchema,
    describe: describePayoutDestination,
  });

/** Accounts, stores, payout destinations, compliance cases, settlements. */
export const dinteroAccountEvents = {
  account_add: account('account.created'),
  account_update: account('account.updated'),
  account_store_add: store('store.created'),
  account_store_update: store('store.updated'),
  account_store_delete: store('store.deleted'),
  account_payout_destination_add: payoutDestination(
    'payout_destination.created',
  ),
  account_payout_destination_update: payoutDestination(
    'payout_destination.updated',
  ),
  account_payout_destination_delete: payoutDestination(
    'payout_destination.deleted',
  ),
  // The case's status changed: its new `case_status` is the point.
  cdd_case_update: defineWebhookEvent({
    type: 'compliance_case.status_changed',
    statuses: dinteroCaseStatuses,
    schema: dinteroCddCaseEventSchema,
    describe: describeCase,
  }),
  approval_payout_destination_update: defineWebhookEvent({
    type: 'compliance_case.status_changed',
    statuses: dinteroCaseStatuses,
    schema: dinteroApprovalPayoutDestinationEventSchema,
    describe: describeCase,
  }),
  // Dintero archives the approval: "deleted" in the shared vocabulary (the
  // action names the event; the case's last status is kept in `status`).
  approval_payout_destination_delete: defineWebhookEvent({
    type: 'compliance_case.deleted',
    statuses: dinteroCaseStatuses,
    schema: dinteroApprovalPayoutDestinationEventSchema,
    describe: describeCase,
  }),
  settlement_add: defineWebhookEvent({
    type: 'settlement.created',
    schema: dinteroSettlementEventSchema,
    describe: ({ settlement }) => ({
      subject: subjectOf('settlement', settlement?.id),
      occurredAt: settlement?.created_at ?? settlement?.settled_at,
    }),
  }),
};
