// The published examples (and the two constructed callbacks), loaded from
// src/__fixtures__. Each JSON file says where it comes from (`_source`) and
// how it was repaired where the published JSON was invalid (`_repair`).
import accountAdd from '../__fixtures__/dintero-account-add.json';
import approvalPayoutDestinationDelete from '../__fixtures__/dintero-approval-payout-destination-delete.json';
import approvalPayoutDestinationUpdate from '../__fixtures__/dintero-approval-payout-destination-update.json';
import cddCaseUpdate from '../__fixtures__/dintero-cdd-case-update.json';
import checkoutAuthorization from '../__fixtures__/dintero-checkout-authorization.json';
import checkoutCallbackError from '../__fixtures__/dintero-checkout-callback-error.json';
import checkoutCallbackGet from '../__fixtures__/dintero-checkout-callback-get.json';
import checkoutCallbackPost from '../__fixtures__/dintero-checkout-callback-post.json';
import checkoutTransaction from '../__fixtures__/dintero-checkout-transaction.json';
import customerChangePassword from '../__fixtures__/dintero-customer-change-password.json';
import customerUpdate from '../__fixtures__/dintero-customer-update.json';
import discountAddCustomers from '../__fixtures__/dintero-discount-add-customers.json';
import discountCustomerUpdate from '../__fixtures__/dintero-discount-customer-update.json';
import discountUpdate from '../__fixtures__/dintero-discount-update.json';
import locationAdd from '../__fixtures__/dintero-location-add.json';
import ping from '../__fixtures__/dintero-ping.json';
import receiptAdd from '../__fixtures__/dintero-receipt-add.json';
import settlementAdd from '../__fixtures__/dintero-settlement-add.json';
import shoppingDraftAdd from '../__fixtures__/dintero-shopping-draft-add.json';
import shoppingOrderUpdate from '../__fixtures__/dintero-shopping-order-update.json';
import walletTransaction from '../__fixtures__/dintero-wallet-transaction.json';

/** A Hooks API example as stored in `__fixtures__`. */
export interface DinteroHookFixture {
  name: string;
  nativeType: string;
  type?: string;
  subjectId?: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A Checkout callback example as stored in `__fixtures__`. */
export interface DinteroCallbackFixture {
  name: string;
  nativeType: string;
  type: string;
  subjectId?: string;
  accountId: string;
  method: string;
  /** Path and query on the example app's origin. */
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Every Hooks API event example, in the order of the seed documents. */
export const dinteroHookFixtures: readonly DinteroHookFixture[] = [
  accountAdd,
  customerUpdate,
  customerChangePassword,
  discountUpdate,
  discountAddCustomers,
  discountCustomerUpdate,
  locationAdd,
  receiptAdd,
  settlementAdd,
  shoppingDraftAdd,
  shoppingOrderUpdate,
  walletTransaction,
  approvalPayoutDestinationUpdate,
  approvalPayoutDestinationDelete,
  checkoutTransaction,
  cddCaseUpdate,
  checkoutAuthorization,
];

/** The Hooks API handshake example (`ping`). */
export const dinteroPingFixture: DinteroHookFixture = ping;

/** Checkout callbacks built from the documented parameters. */
export const dinteroCallbackFixtures: readonly DinteroCallbackFixture[] = [
  checkoutCallbackGet,
  checkoutCallbackPost,
  checkoutCallbackError,
];
