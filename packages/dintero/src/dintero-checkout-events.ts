import { defineWebhookEvent } from '@finhooks/core';
import {
  dinteroCheckoutAuthorizationEventSchema,
  dinteroCheckoutCallbackSchema,
  dinteroCheckoutTokenEventSchema,
  dinteroCheckoutTransactionEventSchema,
  type DinteroCheckoutTokenEvent,
} from './dintero-checkout-schemas';
import { lastChange, subjectOf } from './dintero-event-helpers';

/**
 * The native type finhooks gives Checkout `callback_url` calls: Dintero
 * names no event for them (its `event` query parameter, when present, is
 * the transaction operation, kept in `data.event`).
 */
export const dinteroCheckoutCallbackType = 'checkout_callback';

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

/** Checkout transactions, authorizations, card tokens and callbacks. */
export const dinteroCheckoutEvents = {
  checkout_authorization: defineWebhookEvent({
    type: 'transaction.status_changed',
    schema: dinteroCheckoutAuthorizationEventSchema,
    describe: data => {
      const transaction = data.transaction ?? data;
      return {
        subject: subjectOf('transaction', transaction.id),
        status: transaction.status,
        occurredAt: lastChange(transaction),
      };
    },
  }),
  checkout_transaction: defineWebhookEvent({
    type: 'transaction.updated',
    schema: dinteroCheckoutTransactionEventSchema,
    describe: ({ transaction }) => ({
      subject: subjectOf('transaction', transaction?.id),
      status: transaction?.status,
      occurredAt: lastChange(transaction),
    }),
  }),
  checkout_token_add: cardToken('card_token.created'),
  checkout_token_update: cardToken('card_token.updated'),
  checkout_token_delete: cardToken('card_token.deleted'),
  [dinteroCheckoutCallbackType]: defineWebhookEvent({
    type: 'transaction.status_changed',
    schema: dinteroCheckoutCallbackSchema,
    // Facts come from signed query values only, never from the body. The
    // subject (`transaction_id`) is set by the adapter from the signed URL,
    // so it is flagged authenticated.
    describe: data => ({ occurredAt: data.time }),
  }),
};
