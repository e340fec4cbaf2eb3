import { redpinCustomerStatusEvent } from './redpin-customer-events';
import { redpinPaymentStatusEvent } from './redpin-payment-events';
import { redpinThirdPartyCustomerStatusEvent } from './redpin-third-party-customer-events';

/**
 * Redpin's event catalogue: native type (exactly as Redpin spells it) →
 * normalized type, schema and facts.
 *
 * | native                        | normalized                | subject                |
 * | ----------------------------- | ------------------------- | ---------------------- |
 * | `PAYMENT STATUS`              | `payment.status_changed`  | `payment`              |
 * | `THIRD PARTY CUSTOMER STATUS` | `customer.status_changed` | `third_party_customer` |
 * | `CUSTOMER STATUS`             | `customer.status_changed` | `customer`             |
 */
export const redpinEvents = {
  'PAYMENT STATUS': redpinPaymentStatusEvent,
  'THIRD PARTY CUSTOMER STATUS': redpinThirdPartyCustomerStatusEvent,
  'CUSTOMER STATUS': redpinCustomerStatusEvent,
};
