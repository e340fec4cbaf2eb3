// Limited versions of Dintero's account-side payloads, focussed on what the
// mapping reads: unknown keys are kept (looseObject), and every field may
// be missing because a subscription `fields` mask can drop it.
import type { KnownFields } from '@finhooks/core';
import * as z from 'zod/mini';
import {
  hookEnvelopeShape,
  optionalText,
  timestampsShape,
} from './dintero-event-helpers';

/** `account_add` / `account_update`. */
export const dinteroAccountEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  account: z.nullish(
    z.looseObject({
      account_id: optionalText,
      partner_id: optionalText,
      ...timestampsShape,
    }),
  ),
});

/** `account_store_add` / `_update` / `_delete`. */
export const dinteroStoreEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  store: z.nullish(
    z.looseObject({
      id: optionalText,
      store_id: optionalText,
      status: optionalText,
      store_name: optionalText,
      ...timestampsShape,
    }),
  ),
});

/** `account_payout_destination_add` / `_update` / `_delete`. */
export const dinteroPayoutDestinationEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  payout_destination: z.nullish(
    z.looseObject({
      id: optionalText,
      payout_destination_id: optionalText,
      status: optionalText,
      case_status: optionalText,
      ...timestampsShape,
    }),
  ),
});

const complianceCaseSchema = z.looseObject({
  id: optionalText,
  case_status: optionalText,
  payout_destination_id: optionalText,
  payout_reference: optionalText,
  organization_number: optionalText,
  ...timestampsShape,
});

/** `cdd_case_update`: one of `payment_case` or `payout_destination_case`. */
export const dinteroCddCaseEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  account: z.nullish(z.looseObject({})),
  payment_case: z.nullish(complianceCaseSchema),
  payout_destination_case: z.nullish(complianceCaseSchema),
});

/** `approval_payout_destination_update` / `_delete` (seller approvals). */
export const dinteroApprovalPayoutDestinationEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  payout_destination_case: z.nullish(complianceCaseSchema),
});

/** `settlement_add`. */
export const dinteroSettlementEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  settlement: z.nullish(
    z.looseObject({
      id: optionalText,
      account_id: optionalText,
      settled_at: optionalText,
      payout_destination_id: optionalText,
      provider_reference: optionalText,
      ...timestampsShape,
    }),
  ),
});

/** Payload of `account_add` / `account_update`. */
export type DinteroAccountEvent = KnownFields<
  z.output<typeof dinteroAccountEventSchema>
>;
/** Payload of `account_store_add` / `_update` / `_delete`. */
export type DinteroStoreEvent = KnownFields<
  z.output<typeof dinteroStoreEventSchema>
>;
/** Payload of `account_payout_destination_add` / `_update` / `_delete`. */
export type DinteroPayoutDestinationEvent = KnownFields<
  z.output<typeof dinteroPayoutDestinationEventSchema>
>;
/** A CDD payment case or seller-approval (payout destination) case. */
export type DinteroComplianceCase = KnownFields<
  z.output<typeof complianceCaseSchema>
>;
/** Payload of `cdd_case_update`. */
export type DinteroCddCaseEvent = KnownFields<
  z.output<typeof dinteroCddCaseEventSchema>
>;
/** Payload of `approval_payout_destination_update` / `_delete`. */
export type DinteroApprovalPayoutDestinationEvent = KnownFields<
  z.output<typeof dinteroApprovalPayoutDestinationEventSchema>
>;
/** Payload of `settlement_add`. */
export type DinteroSettlementEvent = KnownFields<
  z.output<typeof dinteroSettlementEventSchema>
>;
