import {
  defineWebhookEvent,
  type NormalizedStatusDecision,
  type KnownFields,
} from '@finhooks/core';
import * as z from 'zod/mini';
import { firstSubject, nullishMoney, nullishString } from './solaris-values';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept.

const solarisReservationSchema = z.looseObject({
  id: z.string(),
  amount: nullishMoney,
  reservation_type: nullishString,
  reference: nullishString,
  status: nullishString,
  /**
   * A JSON-serialised string on `CARD_AUTHORIZATION`, an object on
   * `CARD_AUTHORIZATION_RESOLUTION`; kept as sent (`parseSolarisMetaInfo`).
   * Any JSON object: `looseObject({})` accepts exactly what
   * `record(string, unknown)` did, without bundling zod's record schema.
   */
  meta_info: z.nullish(z.union([z.string(), z.looseObject({})])),
  expires_at: nullishString,
  expired_at: nullishString,
  resolved_at: nullishString,
  description: nullishString,
});
/** Card authorization and seizure reservation payloads. */
export type SolarisReservation = KnownFields<
  z.output<typeof solarisReservationSchema>
>;

const solarisCardTransactionSchema = z.looseObject({
  card_id: nullishString,
  type: nullishString,
  status: nullishString,
  attempted_at: nullishString,
  amount: nullishMoney,
});
/** The `card_transaction` inside fraud cases and declines. */
export type SolarisCardTransaction = KnownFields<
  z.output<typeof solarisCardTransactionSchema>
>;

const solarisCardAuthorizationDeclineSchema = z.looseObject({
  id: nullishString,
  reason: nullishString,
  card_transaction: z.nullish(solarisCardTransactionSchema),
});
/** `CARD_AUTHORIZATION_DECLINE(_V2)` payload. */
export type SolarisCardAuthorizationDecline = KnownFields<
  z.output<typeof solarisCardAuthorizationDeclineSchema>
>;

const solarisFraudCaseSchema = z.looseObject({
  id: z.string(),
  resolution: nullishString,
  respond_until: nullishString,
  whitelisted_until: nullishString,
  card_transaction: z.nullish(solarisCardTransactionSchema),
});
/** `CARD_FRAUD_CASE_*` payload. */
export type SolarisFraudCase = KnownFields<
  z.output<typeof solarisFraudCaseSchema>
>;

const solarisCardSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
  reference: nullishString,
  type: nullishString,
  person_id: nullishString,
  account_id: nullishString,
  business_id: nullishString,
  representation: z.nullish(z.looseObject({ masked_pan: nullishString })),
});
/** `CARD_LIFECYCLE_EVENT` payload. */
export type SolarisCard = KnownFields<z.output<typeof solarisCardSchema>>;

const solarisCardTokenSchema = z.looseObject({
  card_id: nullishString,
  token_reference_id: z.string(),
  token_status: nullishString,
  event_type: nullishString,
  message_reason: nullishString,
  wallet_type: nullishString,
});
/** `CARD_TOKEN_LIFECYCLE` payload. */
export type SolarisCardToken = KnownFields<
  z.output<typeof solarisCardTokenSchema>
>;

const solarisCardDeliverySchema = z.looseObject({
  id: nullishString,
  card_id: nullishString,
  status: nullishString,
});
/** `CARD_DELIVERY_TRACKING` payload (shape not published in full). */
export type SolarisCardDelivery = KnownFields<
  z.output<typeof solarisCardDeliverySchema>
>;

const solarisChallengeSchema = z.looseObject({
  id: nullishString,
  card_id: nullishString,
});
/** `SCA_CHALLENGE` payload (shape not published). */
export type SolarisScaChallenge = KnownFields<
  z.output<typeof solarisChallengeSchema>
>;

/**
 * Reservation `status` (docs/providers/solaris.md#status-enums):
 * `RESOLVED` covers booked, cancelled and expired alike, so it says
 * nothing the vocabulary can.
 */
const reservationStatuses = {
  OPEN: 'authorized',
  RESOLVED: 'unmapped',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** `card_transaction.status` of a declined authorization. */
const declineStatuses = {
  DECLINED: 'failed',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Fraud case `resolution` (the published examples). */
const fraudCaseResolutions = {
  PENDING: 'requires_action',
  TIMEOUT: 'expired',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Card `status` (CARD_LIFECYCLE_EVENT enum). */
const cardStatuses = {
  PROCESSING: 'pending',
  INACTIVE: 'inactive',
  ACTIVE: 'active',
  BLOCKED: 'blocked',
  BLOCKED_BY_SOLARIS: 'blocked',
  ACTIVATION_BLOCKED_BY_SOLARIS: 'blocked',
  COUNTERFEIT_CARD: 'blocked',
  FRAUD: 'blocked',
  LOST: 'blocked',
  STOLEN: 'blocked',
  NEVER_RECEIVED: 'blocked',
  CLOSED: 'closed',
  CLOSED_BY_SOLARIS: 'closed',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Push provisioning token `token_status`. */
const cardTokenStatuses = {
  INACTIVE: 'inactive',
  ACTIVE: 'active',
  SUSPENDED: 'blocked',
  DEACTIVATED: 'closed',
} as const satisfies Record<string, NormalizedStatusDecision>;

const reservation = (data: SolarisReservation) => ({
  subject: { type: 'reservation', id: data.id },
  status: data.status,
});

function cardAuthorizationDecline() {
  return defineWebhookEvent({
    type: 'card_authorization.status_changed',
    normalizedStatus: 'failed',
    statuses: declineStatuses,
    schema: solarisCardAuthorizationDeclineSchema,
    describe: data => ({
      subject: firstSubject(['card_authorization', data.id]),
      status: data.card_transaction?.status,
      occurredAt: data.card_transaction?.attempted_at,
    }),
  });
}

export const solarisCardEvents = {
  CARD_AUTHORIZATION: defineWebhookEvent({
    type: 'card_authorization.created',
    statuses: reservationStatuses,
    schema: solarisReservationSchema,
    describe: data => ({
      subject: { type: 'card_authorization', id: data.id },
      status: data.status,
    }),
  }),
  CARD_AUTHORIZATION_RESOLUTION: defineWebhookEvent({
    type: 'card_authorization.status_changed',
    statuses: reservationStatuses,
    schema: solarisReservationSchema,
    describe: data => ({
      subject: { type: 'card_authorization', id: data.id },
      status: data.status,
      occurredAt: data.resolved_at ?? data.expired_at,
    }),
  }),
  /** Deprecated by Solaris in favour of `CARD_AUTHORIZATION_DECLINE_V2`. */
  CARD_AUTHORIZATION_DECLINE: cardAuthorizationDecline(),
  CARD_AUTHORIZATION_DECLINE_V2: cardAuthorizationDecline(),
  CARD_DELIVERY_TRACKING: defineWebhookEvent({
    type: 'card.updated',
    schema: solarisCardDeliverySchema,
    describe: data => ({
      subject: firstSubject(['card', data.card_id], ['card', data.id]),
    }),
  }),
  CARD_FRAUD_CASE_PENDING: defineWebhookEvent({
    type: 'fraud_case.created',
    statuses: fraudCaseResolutions,
    schema: solarisFraudCaseSchema,
    describe: data => ({
      subject: { type: 'fraud_case', id: data.id },
      status: data.resolution,
      occurredAt: data.card_transaction?.attempted_at,
    }),
  }),
  CARD_FRAUD_CASE_TIMEOUT: defineWebhookEvent({
    type: 'fraud_case.status_changed',
    normalizedStatus: 'expired',
    statuses: fraudCaseResolutions,
    schema: solarisFraudCaseSchema,
    describe: data => ({
      subject: { type: 'fraud_case', id: data.id },
      status: data.resolution,
      occurredAt: data.respond_until,
    }),
  }),
  CARD_LIFECYCLE_EVENT: defineWebhookEvent({
    type: 'card.status_changed',
    statuses: cardStatuses,
    schema: solarisCardSchema,
    describe: data => ({
      subject: { type: 'card', id: data.id },
      status: data.status,
    }),
  }),
  CARD_TOKEN_LIFECYCLE: defineWebhookEvent({
    type: 'card_token.status_changed',
    statuses: cardTokenStatuses,
    schema: solarisCardTokenSchema,
    describe: data => ({
      subject: { type: 'card_token', id: data.token_reference_id },
      status: data.token_status,
    }),
  }),
  SCA_CHALLENGE: defineWebhookEvent({
    type: 'challenge.created',
    schema: solarisChallengeSchema,
    describe: data => ({ subject: firstSubject(['challenge', data.id]) }),
  }),
  RESERVATION_CREATED: defineWebhookEvent({
    type: 'reservation.created',
    statuses: reservationStatuses,
    schema: solarisReservationSchema,
    describe: reservation,
  }),
  RESERVATION_RESOLVED: defineWebhookEvent({
    type: 'reservation.status_changed',
    statuses: reservationStatuses,
    schema: solarisReservationSchema,
    describe: data => ({ ...reservation(data), occurredAt: data.resolved_at }),
  }),
  /** Legacy name, seen only in third-party code; payload not published. */
  RESERVATION_AND_CARD_STATUS_CHANGES: defineWebhookEvent({
    type: 'reservation.status_changed',
    statuses: reservationStatuses,
    schema: z.looseObject({
      id: nullishString,
      status: nullishString,
    }),
    describe: data => ({
      subject: firstSubject(['reservation', data.id]),
      status: data.status,
    }),
  }),
};
