import { defineWebhookEvent } from '@finhooks/core';
import { z } from 'zod';
import { firstSubject, solarisMoneySchema } from './solaris-values';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept.

const solarisReservationSchema = z.looseObject({
  id: z.string(),
  amount: solarisMoneySchema.nullish(),
  reservation_type: z.string().nullish(),
  reference: z.string().nullish(),
  status: z.string().nullish(),
  /**
   * A JSON-serialised string on `CARD_AUTHORIZATION`, an object on
   * `CARD_AUTHORIZATION_RESOLUTION`; kept as sent (`parseSolarisMetaInfo`).
   */
  meta_info: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  expires_at: z.string().nullish(),
  expired_at: z.string().nullish(),
  resolved_at: z.string().nullish(),
  description: z.string().nullish(),
});
/** Card authorization and seizure reservation payloads. */
export type SolarisReservation = z.infer<typeof solarisReservationSchema>;

const solarisCardTransactionSchema = z.looseObject({
  card_id: z.string().nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  attempted_at: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
});
/** The `card_transaction` inside fraud cases and declines. */
export type SolarisCardTransaction = z.infer<
  typeof solarisCardTransactionSchema
>;

const solarisCardAuthorizationDeclineSchema = z.looseObject({
  id: z.string().nullish(),
  reason: z.string().nullish(),
  card_transaction: solarisCardTransactionSchema.nullish(),
});
/** `CARD_AUTHORIZATION_DECLINE(_V2)` payload. */
export type SolarisCardAuthorizationDecline = z.infer<
  typeof solarisCardAuthorizationDeclineSchema
>;

const solarisFraudCaseSchema = z.looseObject({
  id: z.string(),
  resolution: z.string().nullish(),
  respond_until: z.string().nullish(),
  whitelisted_until: z.string().nullish(),
  card_transaction: solarisCardTransactionSchema.nullish(),
});
/** `CARD_FRAUD_CASE_*` payload. */
export type SolarisFraudCase = z.infer<typeof solarisFraudCaseSchema>;

const solarisCardSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  reference: z.string().nullish(),
  type: z.string().nullish(),
  person_id: z.string().nullish(),
  account_id: z.string().nullish(),
  business_id: z.string().nullish(),
  representation: z.looseObject({ masked_pan: z.string().nullish() }).nullish(),
});
/** `CARD_LIFECYCLE_EVENT` payload. */
export type SolarisCard = z.infer<typeof solarisCardSchema>;

const solarisCardTokenSchema = z.looseObject({
  card_id: z.string().nullish(),
  token_reference_id: z.string(),
  token_status: z.string().nullish(),
  event_type: z.string().nullish(),
  message_reason: z.string().nullish(),
  wallet_type: z.string().nullish(),
});
/** `CARD_TOKEN_LIFECYCLE` payload. */
export type SolarisCardToken = z.infer<typeof solarisCardTokenSchema>;

const solarisCardDeliverySchema = z.looseObject({
  id: z.string().nullish(),
  card_id: z.string().nullish(),
  status: z.string().nullish(),
});
/** `CARD_DELIVERY_TRACKING` payload (shape not published in full). */
export type SolarisCardDelivery = z.infer<typeof solarisCardDeliverySchema>;

const solarisChallengeSchema = z.looseObject({
  id: z.string().nullish(),
  card_id: z.string().nullish(),
});
/** `SCA_CHALLENGE` payload (shape not published). */
export type SolarisScaChallenge = z.infer<typeof solarisChallengeSchema>;

const reservation = (data: SolarisReservation) => ({
  subject: { type: 'reservation', id: data.id },
  status: data.status,
});

const cardAuthorizationDecline = defineWebhookEvent({
  type: 'card_authorization.declined',
  schema: solarisCardAuthorizationDeclineSchema,
  describe: data => ({
    subject: firstSubject(
      ['card_authorization', data.id],
      ['card', data.card_transaction?.card_id],
    ),
    status: data.card_transaction?.status,
    occurredAt: data.card_transaction?.attempted_at,
  }),
});

export const solarisCardEvents = {
  CARD_AUTHORIZATION: defineWebhookEvent({
    type: 'card_authorization.created',
    schema: solarisReservationSchema,
    describe: data => ({
      subject: { type: 'card_authorization', id: data.id },
      status: data.status,
    }),
  }),
  CARD_AUTHORIZATION_RESOLUTION: defineWebhookEvent({
    type: 'card_authorization.status_changed',
    schema: solarisReservationSchema,
    describe: data => ({
      subject: { type: 'card_authorization', id: data.id },
      status: data.status,
      occurredAt: data.resolved_at ?? data.expired_at,
    }),
  }),
  /** Deprecated by Solaris in favour of `CARD_AUTHORIZATION_DECLINE_V2`. */
  CARD_AUTHORIZATION_DECLINE: cardAuthorizationDecline,
  CARD_AUTHORIZATION_DECLINE_V2: cardAuthorizationDecline,
  CARD_DELIVERY_TRACKING: defineWebhookEvent({
    type: 'card.updated',
    schema: solarisCardDeliverySchema,
    describe: data => ({
      subject: firstSubject(['card', data.card_id], ['card', data.id]),
    }),
  }),
  CARD_FRAUD_CASE_PENDING: defineWebhookEvent({
    type: 'fraud_case.created',
    schema: solarisFraudCaseSchema,
    describe: data => ({
      subject: { type: 'fraud_case', id: data.id },
      status: data.resolution,
      occurredAt: data.card_transaction?.attempted_at,
    }),
  }),
  CARD_FRAUD_CASE_TIMEOUT: defineWebhookEvent({
    type: 'fraud_case.expired',
    schema: solarisFraudCaseSchema,
    describe: data => ({
      subject: { type: 'fraud_case', id: data.id },
      status: data.resolution,
      occurredAt: data.respond_until,
    }),
  }),
  CARD_LIFECYCLE_EVENT: defineWebhookEvent({
    type: 'card.status_changed',
    schema: solarisCardSchema,
    describe: data => ({
      subject: { type: 'card', id: data.id },
      status: data.status,
    }),
  }),
  CARD_TOKEN_LIFECYCLE: defineWebhookEvent({
    type: 'card_token.status_changed',
    schema: solarisCardTokenSchema,
    describe: data => ({
      subject: { type: 'card_token', id: data.token_reference_id },
      status: data.token_status,
    }),
  }),
  SCA_CHALLENGE: defineWebhookEvent({
    type: 'challenge.created',
    schema: solarisChallengeSchema,
    describe: data => ({
      subject: firstSubject(['challenge', data.id], ['card', data.card_id]),
    }),
  }),
  RESERVATION_CREATED: defineWebhookEvent({
    type: 'reservation.created',
    schema: solarisReservationSchema,
    describe: reservation,
  }),
  RESERVATION_RESOLVED: defineWebhookEvent({
    type: 'reservation.status_changed',
    schema: solarisReservationSchema,
    describe: data => ({ ...reservation(data), occurredAt: data.resolved_at }),
  }),
  /** Legacy name, seen only in third-party code; payload not published. */
  RESERVATION_AND_CARD_STATUS_CHANGES: defineWebhookEvent({
    type: 'reservation.status_changed',
    schema: z.looseObject({
      id: z.string().nullish(),
      status: z.string().nullish(),
    }),
    describe: data => ({
      subject: firstSubject(['reservation', data.id]),
      status: data.status,
    }),
  }),
};
