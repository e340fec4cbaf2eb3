import type { RedpinKnownNativeType } from './redpin-native-type';

/**
 * Where Redpin documents each native type (docs/events.md and the
 * vocabulary test read it). Kept out of the catalogue so this text is not
 * in the bundle of an app that does not import it.
 */
export const redpinEventReferences = {
  'PAYMENT STATUS':
    'https://docs.redpincompany.com/api-reference/webhooks/payments/webhook-payment-status-updated (and the older flat https://docs.redpincompany.com/api-reference/webhooks/webhook-payment-status-updated): sent on a payment status change; FX payments run AWAITING_FUNDS → RECEIVED_FUNDS → FX_COMPLETED → PAYOUT_INITIATED → PAYOUT_CREDITED → PAYMENT_COMPLETED, same-currency ones start at PROCESSING, with CANCELLED, REFUNDED and BOUNCED_BACK branches; PAYOUT_CREDITED fires per recipient, PAYMENT_COMPLETED once.',
  'THIRD PARTY CUSTOMER STATUS':
    'https://docs.redpincompany.com/api-reference/webhooks/third-party-customers/webhook-third-party-customer-status-updated (and the older flat https://docs.redpincompany.com/api-reference/webhooks/webhook-third-party-customer-status-updated): "Sent when a third party customer\'s compliance status changes to APPROVED or REJECTED."',
  'CUSTOMER STATUS':
    'https://docs.redpincompany.com/api-reference/webhooks/customers/webhook-customer-status-updated (and https://docs.redpincompany.com/api-reference/webhooks/webhook-customer-status-updated): sent when a customer becomes active or inactive (status "active" / "inactive"; reason_for_inactive and documents_required when inactive).',
} as const satisfies Readonly<Record<RedpinKnownNativeType, string>>;
