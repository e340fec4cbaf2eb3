import { dinteroAccountEvents } from './dintero-account-events';
import { dinteroCheckoutEvents } from './dintero-checkout-events';
import { dinteroLoyaltyEvents } from './dintero-loyalty-events';
import { dinteroShoppingEvents } from './dintero-shopping-events';

/**
 * Every Dintero event finhooks knows: the Hooks API event names (except
 * `ping`, a handshake) plus `checkout_callback` for Checkout callbacks.
 */
export const dinteroEvents = {
  ...dinteroAccountEvents,
  ...dinteroLoyaltyEvents,
  ...dinteroShoppingEvents,
  ...dinteroCheckoutEvents,
};

/** The catalogue's type, for the adapter's event union. */
export type DinteroEventDefinitions = typeof dinteroEvents;

/** Every native type of the catalogue. */
export type DinteroNativeType = keyof DinteroEventDefinitions & string;
