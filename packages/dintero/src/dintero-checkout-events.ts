import { defineWebhookEvent, type WebhookEventFacts } from '@finhooks/core';
import {
  dinteroCheckoutAuthorizationEventSchema,
  dinteroCheckoutCallbackSchema,
  dinteroCheckoutTokenEventSchema,
  dinteroCheckoutTransactionEventSchema,
  type DinteroCheckoutAuthorizationEvent,
  type DinteroCheckoutCallback,
  type DinteroCheckoutTokenEvent,
} from './dintero-checkout-schemas';
import { lastChange, subjectOf } from './dintero-event-helpers';
import {
  dinteroAuthorizationErrors,
  dinteroAuthorizationErrorStatus,
  dinteroTransactionEventStatuses,
  dinteroTransactionStatuses,
} from './dintero-statuses';

/**
 * The native type finhooks gives Checkout `callback_url` calls: Dintero
 * names no event for them (its `event` query parameter, when present, is
 * the transaction operation, kept in `data.event`).
 */
export const dinteroCheckoutCallbackType = 'checkout_callback';

/** A Checkout transaction is a payment in the shared vocabulary. */
export const dinteroPaymentSubjectType = 'payment';

const cardToken = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroCheckoutTokenEventSchema,
    describe: (data: DinteroCheckoutTokenEvent) => {
      const token = data.token ?? data.card_token;
      return {
        subject: subjectOf('card_token', token?.id, data.id),
        status: token?.status ?? data.status,
        occurredAt: lastChange(token) ?? lastChange(data),
      };
    },
  });

/**
 * An authorization's facts: the transaction's own status when it is
 * there; else the error code, which is the status (`cancelled` is
 * `canceled`, any other code `failed`), so a failed authorization never
 * looks like a success.
 */
function describeAuthorization(
  data: DinteroCheckoutAuthorizationEvent,
): WebhookEventFacts {
  const transaction = data.transaction ?? data;
  const authorization = data.authorization;
  const flatError = typeof data.error === 'string' ? data.error : undefined;
  const error = authorization?.error ?? flatError;
  const facts: WebhookEventFacts = {
    subject: subjectOf(
      dinteroPaymentSubjectType,
      transaction.id,
      authorization?.transaction_id,
    ),
    occurredAt: lastChange(transaction),
  };
  if (typeof transaction.status === 'string' && transaction.status !== '')
    return { ...facts, status: transaction.status };
  if (error !== undefined && error !== null && error !== '') {
    return {
      ...facts,
      status: error,
      normalizedStatus: dinteroAuthorizationErrorStatus(error),
    };
  }
  return facts;
}

/**
 * A callback's status, from signed query values only: its `error` code
 * (with `report_error=true`) is the status; else the operation it reports
 * (`event`, with `report_event`) says where the transaction is; else it is
 * the plain callback Dintero sends "when a payment is complete and the
 * transaction has been authorized". The unsigned POST body never counts.
 */
export function dinteroCallbackStatus(
  data: DinteroCheckoutCallback,
): Pick<WebhookEventFacts, 'status' | 'normalizedStatus'> {
  if (typeof data.error === 'string' && data.error !== '') {
    return {
      status: data.error,
      normalizedStatus: dinteroAuthorizationErrorStatus(data.error),
    };
  }
  if (typeof data.event === 'string' && data.event !== '') {
    return {
      normalizedStatus: Object.hasOwn(
        dinteroTransactionEventStatuses,
        data.event,
      )
        ? dinteroTransactionEventStatuses[
            data.event as keyof typeof dinteroTransactionEventStatuses
          ]
        : 'unmapped',
    };
  }
  return { normalizedStatus: 'authorized' };
}

/** Checkout transactions, authorizations, card tokens and callbacks. */
export const dinteroCheckoutEvents = {
  checkout_authorization: defineWebhookEvent({
    type: 'payment.status_changed',
    statuses: { ...dinteroTransactionStatuses, ...dinteroAuthorizationErrors },
    schema: dinteroCheckoutAuthorizationEventSchema,
    describe: describeAuthorization,
  }),
  // "created or updated (captured/refunded or voided)": the status is the
  // point of every delivery.
  checkout_transaction: defineWebhookEvent({
    type: 'payment.status_changed',
    statuses: dinteroTransactionStatuses,
    schema: dinteroCheckoutTransactionEventSchema,
    describe: ({ transaction }) => ({
      subject: subjectOf(dinteroPaymentSubjectType, transaction?.id),
      status: transaction?.status,
      occurredAt: lastChange(transaction),
    }),
  }),
  checkout_token_add: cardToken('card_token.created'),
  checkout_token_update: cardToken('card_token.updated'),
  checkout_token_delete: cardToken('card_token.deleted'),
  [dinteroCheckoutCallbackType]: defineWebhookEvent({
    type: 'payment.status_changed',
    // `status` is only ever an error code; without one the event decides
    // (see dinteroCallbackStatus).
    statuses: dinteroAuthorizationErrors,
    schema: dinteroCheckoutCallbackSchema,
    // Facts come from signed query values only, never from the body. The
    // subject (`transaction_id`) is set by the adapter from the signed URL,
    // so it is flagged authenticated.
    describe: data => ({
      occurredAt: data.time,
      ...dinteroCallbackStatus(data),
    }),
  }),
};
