import type { DinteroNativeType } from './dintero-events';

// Where Dintero documents each native type: docs/events.md and the
// vocabulary test read it. It is kept out of the event catalogue so this
// documentation text does not ship in every Workers bundle. It is built
// inside one `/* @__PURE__ */` call: a bundler drops all of it from an app
// that does not import it (top-level template literals alone are not
// enough once the built file declares its constants with `var`).

/** Where Dintero documents each native type (a URL and the passage cited). */
export const dinteroEventReferences = /* @__PURE__ */ (() => {
  const hooksApi = 'https://docs.dintero.com/webhooks-api.html';
  const transactionStatuses =
    'https://docs.dintero.com/docs/integrations/support/transaction-statuses';

  const account = `${hooksApi} (Accounts: account_add / account_update): "The event is sent from auth service after an account is added or updated."`;
  const store = `${hooksApi} (changelog 2026-05-16: account_store_add / _update / _delete, renamed from account_location_*): a store`;
  const storeBody = '; body `store{store_id, id, status, store_name, …}`';
  const payoutDestination = `${hooksApi} (changelog 2026-06-18: account_payout_destination_add / _update / _delete): a payout destination`;
  const payoutDestinationBody =
    '; body `payout_destination`. Status enum: https://docs.dintero.com/management-auth-api/payout-destinations/aid_mgmnt_payout_destinations_post';
  const customer = `${hooksApi} (Customers: customer_update / customer_add / customer_delete): "Customer event sent from customers service after a customer is created, updated or deleted."`;
  const receipt = `${hooksApi} (Receipts: receipt_add / receipt_update): "Receipt event sent from receipts service after a receipt is added. The complete receipt will be included in the event."`;
  const token = `${hooksApi} (subscription events enum: token_add, token_remove): loyalty customer tokens (no published example)`;
  const discount = `${hooksApi} (Discounts: discount_update / discount_add / discount_delete): "Discount event sent from discount service after a discount rule is created, updated or deleted."`;
  const discountCustomers = `${hooksApi} (Discounts: discount_add_customers / discount_delete_customers): "The event is sent from discount service after a customer is added removed from the discount."`;
  const location = `${hooksApi} (Locations: location_add / location_update / location_delete): "Location event sent from our customer service after a location is created, updated or deleted."`;
  const draft = `${hooksApi} (Shopping: shopping_draft_add / shopping_draft_complete / shopping_draft_update); subscription events enum`;
  const order = `${hooksApi} (Shopping: shopping_order_update / shopping_order_event_add / shopping_order_delete); subscription events enum`;
  const cardToken = `${hooksApi} (changelog 2025-10-01: checkout_token_add / _update / _delete): a card token`;

  return {
    account_add: account,
    account_update: account,
    account_store_add: `${store} was added${storeBody}`,
    account_store_update: `${store} was updated${storeBody}`,
    account_store_delete: `${store} was deleted${storeBody}`,
    account_payout_destination_add: `${payoutDestination} was added${payoutDestinationBody}`,
    account_payout_destination_update: `${payoutDestination} was updated${payoutDestinationBody}`,
    account_payout_destination_delete: `${payoutDestination} was deleted${payoutDestinationBody}`,
    cdd_case_update:
      'https://docs.dintero.com/api-reference/example-management-auth-events/cdd_case_update: "Event is pushed to subscribers when a CDD case changes status. Note that the event will only include one of payout_destination_case or payment_case never both"; case statuses: approvals_payments_statuses',
    approval_payout_destination_update: `${hooksApi} (Accounts events: approval_payout_destination_update): "Event is pushed to subscribers when the case_status of a seller approval changes"`,
    approval_payout_destination_delete: `${hooksApi} (Accounts events: approval_payout_destination_delete): "Event is pushed to subscribers when the approval is archived"; body: "The seller approval case that was deleted"`,
    settlement_add: `${hooksApi} (Settlements: settlement_add; changelog 2021-01-01 "Add support for subscription on settlement_add events"): a settlement report was added`,
    customer_add: customer,
    customer_update: customer,
    customer_delete: customer,
    customer_change_password: `${hooksApi} (Customers: customer_change_password): "Customer event sent from customers service after a change_password request is received. Note that the event includes a context object with audience and created_by."`,
    receipt_add: receipt,
    receipt_update: receipt,
    token_add: token,
    token_remove: token,
    transaction: `${hooksApi} (subscription events enum: "transaction"): the legacy loyalty transaction event (no published example; listed as legacy in docs/providers/dintero.md#events)`,
    wallet_transaction: `${hooksApi} (Wallet: wallet_transaction): "Wallet transaction event sent from wallets service after a transaction is created"`,
    discount_add: discount,
    discount_update: discount,
    discount_delete: discount,
    discount_add_customers: discountCustomers,
    discount_delete_customers: discountCustomers,
    discount_customer_update: `${hooksApi} (Discounts: discount_customer_update): "The event is sent from discount service after a customer discounts is updated. An update is triggered when discounts are used (receipt_add), claimed or if stamp is added to the discount (receipt_add)."`,
    location_add: location,
    location_update: location,
    location_delete: location,
    shopping_draft_add: draft,
    shopping_draft_update: draft,
    shopping_draft_complete: draft,
    shopping_order_update: order,
    shopping_order_event_add: order,
    shopping_order_delete: order,
    checkout_authorization: `https://docs.dintero.com/api-reference/example-checkout-events/checkout_authorization: "Event is pushed to subscribers when a transaction was authorized or failed authorization. The deliveries match what is delivered to the session callback_url with report_error=true set"; "No transaction will be included in the event if the authorization was cancelled by the user". Statuses: ${transactionStatuses}`,
    checkout_transaction: `https://docs.dintero.com/docs/checkout/checkout-webhooks: "receive notification when new transaction is created or updated (captured/refunded or voided)". Statuses: ${transactionStatuses}`,
    checkout_token_add: `${cardToken} was added`,
    checkout_token_update: `${cardToken} was updated`,
    checkout_token_delete: `${cardToken} was deleted`,
    checkout_callback:
      'https://docs.dintero.com/docs/checkout/after-payment/: "The callback_url will be invoked when a payment is complete and the transaction has been authorized"; query `error` ("Error code", with report_error=true), `event` ("Event applied to transaction", with report_event): https://docs.dintero.com/checkout-api/example-session-callbacks/example_session_get_callback_url',
  } as const satisfies Readonly<Record<DinteroNativeType, string>>;
})();
