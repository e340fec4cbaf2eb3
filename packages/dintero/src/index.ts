export {
  createDinteroAdapter,
  type DinteroAdapter,
  type DinteroEvent,
} from './dintero-adapter';
export { verifyDinteroWebhook } from './dintero-verify-webhook';
export type {
  DinteroAdapterSettings,
  DinteroAdapterSettingsBase,
  DinteroCheckoutAdapterSettings,
  DinteroHooksAdapterSettings,
  DinteroCheckoutCallbackSettings,
  DinteroCheckoutSecretContext,
  DinteroHooksSecretContext,
} from './dintero-adapter-settings';
export type {
  DinteroAccountEvent,
  DinteroApprovalPayoutDestinationEvent,
  DinteroCddCaseEvent,
  DinteroPayoutDestinationEvent,
  DinteroSettlementEvent,
  DinteroStoreEvent,
} from './dintero-account-schemas';
export type {
  DinteroCheckoutAuthorizationEvent,
  DinteroCheckoutCallback,
  DinteroCheckoutTokenEvent,
  DinteroCheckoutTransactionEvent,
} from './dintero-checkout-schemas';
export type {
  DinteroCustomerEvent,
  DinteroCustomerPasswordChangeEvent,
  DinteroDiscountCustomersEvent,
  DinteroDiscountCustomerUpdateEvent,
  DinteroDiscountEvent,
  DinteroLegacyTransactionEvent,
  DinteroLocationEvent,
  DinteroReceiptEvent,
  DinteroTokenEvent,
  DinteroWalletTransactionEvent,
} from './dintero-loyalty-schemas';
export type {
  DinteroShoppingDraftEvent,
  DinteroShoppingOrderEvent,
} from './dintero-shopping-schemas';
export {
  DinteroEventMismatchError,
  type DinteroMismatchField,
} from './dintero-event-mismatch-error';
export { dinteroCheckoutCallbackType } from './dintero-checkout-events';
export { dinteroEventReferences } from './dintero-event-references';
export type { DinteroNativeType } from './dintero-events';
export { dinteroDefaultDedupWindowMs } from './dintero-resolve-settings';
export { VERSION } from './version';
