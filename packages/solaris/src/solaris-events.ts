import { solarisAccountEvents } from './solaris-account-events';
import { solarisCardEvents } from './solaris-card-events';
import { solarisCustomerEvents } from './solaris-customer-events';
import { solarisHeaderOnlyEvents } from './solaris-header-only-events';
import { solarisLendingEvents } from './solaris-lending-events';
import { solarisPaymentEvents } from './solaris-payment-events';
import { solarisSeizureEvents } from './solaris-seizure-events';

/**
 * The Solaris event catalogue: native `Solaris-Webhook-Event-Type` →
 * normalized type, payload schema and subject/status/time. Types not
 * listed here arrive as `solaris.unknown`.
 */
export const solarisEvents = {
  ...solarisAccountEvents,
  ...solarisHeaderOnlyEvents,
  ...solarisCustomerEvents,
  ...solarisPaymentEvents,
  ...solarisCardEvents,
  ...solarisSeizureEvents,
  ...solarisLendingEvents,
};

/** Every native event type this adapter knows. */
export type SolarisNativeType = keyof typeof solarisEvents;
