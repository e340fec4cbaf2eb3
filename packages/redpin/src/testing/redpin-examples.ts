import type { RawWebhookRequestInit } from '@finhooks/core';
import customerStatusActive from '../__fixtures__/redpin-customer-status-active.json';
import customerStatusInactive from '../__fixtures__/redpin-customer-status-inactive.json';
import paymentStatusFlatAwaitingFunds from '../__fixtures__/redpin-payment-status-flat-awaiting-funds.json';
import paymentStatusPayload from '../__fixtures__/redpin-payment-status-payload.json';
import thirdPartyApproved from '../__fixtures__/redpin-third-party-customer-status-approved.json';
import thirdPartyPayload from '../__fixtures__/redpin-third-party-customer-status-payload.json';
import thirdPartyRejected from '../__fixtures__/redpin-third-party-customer-status-rejected.json';

/** One published Redpin example as an unsigned request. */
export interface RedpinExample {
  /** Which published example it is. */
  name: string;
  /** Redpin's event type, exactly. */
  nativeType: string;
  /** The normalized type it maps to. */
  type: string;
  /** The subject id the event names. */
  subjectId: string;
  /** POST to the example app's route; Redpin sends only JSON headers. */
  request: RawWebhookRequestInit;
}

const url = 'http://localhost:3000/webhooks/redpin';

function example(
  name: string,
  nativeType: string,
  type: string,
  subjectId: string,
  payload: unknown,
): RedpinExample {
  return {
    name,
    nativeType,
    type,
    subjectId,
    request: {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload, null, 2),
    },
  };
}

const thirdParty = 'THIRD PARTY CUSTOMER STATUS';
const customer = 'customer.status_changed';

/**
 * Every example Redpin publishes for its webhooks, unsigned (sign them
 * with `signRedpinRequest`). From the seed page "Third Party Customer
 * Status Updated Event": its payload sample and the REJECTED and APPROVED
 * examples. From Redpin's other webhook pages: both "Customer Status
 * Updated" examples, the envelope "Payment Status Updated" payload sample
 * (placeholder values as published) and the older flat AWAITING_FUNDS
 * example, whose `data` is the empty object that page documents for
 * AWAITING_FUNDS.
 */
export const redpinExamples: readonly RedpinExample[] = [
  example(
    'third party customer status: payload sample',
    thirdParty,
    customer,
    '12345678901',
    thirdPartyPayload,
  ),
  example(
    'third party customer status: REJECTED',
    thirdParty,
    customer,
    '0201001008132685',
    thirdPartyRejected,
  ),
  example(
    'third party customer status: APPROVED',
    thirdParty,
    customer,
    '0201001008132685',
    thirdPartyApproved,
  ),
  example(
    'customer status: active',
    'CUSTOMER STATUS',
    customer,
    '0201000005926289',
    customerStatusActive,
  ),
  example(
    'customer status: inactive',
    'CUSTOMER STATUS',
    customer,
    '0201000005926289',
    customerStatusInactive,
  ),
  example(
    'payment status: envelope payload sample',
    'PAYMENT STATUS',
    'payment.status_changed',
    'string',
    paymentStatusPayload,
  ),
  example(
    'payment status: flat AWAITING_FUNDS',
    'PAYMENT STATUS',
    'payment.status_changed',
    '123456',
    paymentStatusFlatAwaitingFunds,
  ),
];
