export {
  createSolarisAdapter,
  solarisDefaultDedupWindowMs,
  type SolarisAdapter,
} from './solaris-adapter';
export type {
  SolarisAdapterOptions,
  SolarisAdapterSettings,
  SolarisSecretContext,
  SolarisSecretList,
  SolarisSecrets,
  SolarisSignatureAlgorithm,
} from './solaris-adapter-settings';
export { verifySolarisWebhook } from './solaris-verify-webhook';
export type { SolarisEvent, SolarisPayload } from './solaris-event-types';
export type { SolarisNativeType } from './solaris-events';
export { solarisEventReferences } from './solaris-event-references';
export { parseSolarisMetaInfo, solarisId } from './solaris-values';
export type { SolarisMoney } from './solaris-event-types';
export type {
  SolarisAccountBlock,
  SolarisAccountClosure,
  SolarisAccountClosureRequest,
  SolarisAccountLimitChange,
  SolarisAccountOpeningRequest,
  SolarisAccountSnapshot,
  SolarisCashOperation,
  SolarisTopUp,
} from './solaris-account-events';
export type {
  SolarisCard,
  SolarisCardAuthorizationDecline,
  SolarisCardDelivery,
  SolarisCardToken,
  SolarisCardTransaction,
  SolarisFraudCase,
  SolarisReservation,
  SolarisScaChallenge,
} from './solaris-card-events';
export type {
  SolarisActivationChallenge,
  SolarisBeneficialOwner,
  SolarisIdentification,
  SolarisIdentificationAttempt,
  SolarisIdentificationOrigination,
  SolarisLegalRepresentative,
  SolarisPostboxItem,
  SolarisPotentialAccountBlocking,
  SolarisQuestionSet,
  SolarisReferenceAccount,
  SolarisResourceId,
  SolarisStatusPayload,
  SolarisTaxIdentificationChanged,
  SolarisTrustedIban,
} from './solaris-customer-events';
export type { SolarisHeaderOnlyPayload } from './solaris-header-only-events';
export type {
  SolarisApplication,
  SolarisFrontingLoan,
  SolarisLoanPayout,
  SolarisOverdraft,
  SolarisOverdraftLimitChange,
} from './solaris-lending-events';
export type {
  SolarisBatchTransfer,
  SolarisBooking,
  SolarisCollectionApplication,
  SolarisCreditTransferDeclined,
  SolarisDirectDebitProfile,
  SolarisDirectDebitReturn,
  SolarisDirectDebitScheduled,
  SolarisInstantPayout,
  SolarisRejectedTransaction,
  SolarisTransfer,
} from './solaris-payment-events';
export type { SolarisSeizure } from './solaris-seizure-events';
export type { SolarisWrappedPayload } from './solaris-wrapped-payload';
export { UnprocessableEventError } from '@finhooks/core';
export { VERSION } from './version';
