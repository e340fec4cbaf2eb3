export {
  createRedpinAdapter,
  type RedpinAdapter,
  type RedpinEvent,
} from './redpin-adapter';
export type {
  RedpinAdapterSettings,
  RedpinAuthSettings,
  RedpinUnauthenticatedSettings,
} from './redpin-adapter-settings';
export type { RedpinAmount } from './redpin-amounts';
export { redpinDocumentedVersions } from './redpin-delivery';
export { redpinDefaultDedupWindowMs } from './redpin-identity';
export { redpinEventReferences } from './redpin-event-references';
export type {
  RedpinCustomerContact,
  RedpinCustomerStatus,
  RedpinCustomerStatusPayload,
  RedpinRequiredDocument,
} from './redpin-customer-events';
export {
  REDPIN_UNCLASSIFIED_TYPE,
  type RedpinGeneration,
  type RedpinKnownNativeType,
} from './redpin-native-type';
export type { RedpinCommonFields } from './redpin-payload-schema';
export type {
  RedpinPaymentDetails,
  RedpinPaymentStatus,
  RedpinPaymentStatusPayload,
} from './redpin-payment-events';
export type {
  RedpinCustomerStatusValue,
  RedpinKnownCustomerStatus,
  RedpinKnownPaymentStatus,
  RedpinKnownThirdPartyCustomerStatus,
  RedpinPaymentStatusValue,
  RedpinThirdPartyCustomerStatusValue,
} from './redpin-statuses';
export type {
  RedpinRejectionReason,
  RedpinThirdPartyCustomerStatus,
  RedpinThirdPartyCustomerStatusPayload,
} from './redpin-third-party-customer-events';
export { verifyRedpinWebhook } from './redpin-verify-webhook';
export { VERSION } from './version';
