import { redpinCustomerStatusEvent } from './redpin-customer-events';
import { redpinPaymentStatusEvent } from './redpin-payment-events';
import { redpinThirdPartyCustomerStatusEvent } from './redpin-third-party-customer-events';

/**
 * Redpin's event catalogue: native type (exactly as Redpin spells it) →
 * normalized type, schema and facts.
 *
 * | native                        | normalized                | subject    | normalized statuses                                 |
 * | ----------------------------- | ------------------------- | ---------- | --------------------------------------------------- |
 * | `PAYMENT STATUS`              | `payment.status_changed`  | `payment`  | movement: pending … succeeded, failed, refunded     |
 * | `THIRD PARTY CUSTOMER STATUS` | `customer.status_changed` | `customer` | review: `APPROVED` → approved, `REJECTED` → rejected |
 * | `CUSTOMER STATUS`             | `customer.status_changed` | `customer` | lifecycle: `active`, `inactive`                     |
 */
export const redpinEvents = {
  'PAYMENT STATUS': redpinPaymentStatusEvent,
  'THIRD PARTY CUSTOMER STATUS': redpinThirdPartyCustomerStatusEvent,
  'CUSTOMER STATUS': redpinCustomerStatusEvent,
};
