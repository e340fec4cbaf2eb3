// Every published Solaris example (the per-event pages of docs.solarisgroup.com,
// docs/providers/solaris.md#sources) plus the documented header-only bodies
// (docs/providers/solaris.md#header-only-events), one JSON
// file each. The seed renders JSON with '- ' markers; each file's `_repair`
// note says what was removed.
import accountBlock from '../__fixtures__/solaris-account-block.json';
import accountClosureRequestUpdate from '../__fixtures__/solaris-account-closure-request-update.json';
import accountClosureRequest from '../__fixtures__/solaris-account-closure-request.json';
import accountClosure from '../__fixtures__/solaris-account-closure.json';
import accountLimitChange from '../__fixtures__/solaris-account-limit-change.json';
import accountOpeningRequest from '../__fixtures__/solaris-account-opening-request.json';
import accountSnapshot from '../__fixtures__/solaris-account-snapshot.json';
import acquirerTopupDeclined from '../__fixtures__/solaris-acquirer-topup-declined.json';
import acquirerTopupExecuted from '../__fixtures__/solaris-acquirer-topup-executed.json';
import acquirerTopupPaymentFailed from '../__fixtures__/solaris-acquirer-topup-payment-failed.json';
import beneficialOwner from '../__fixtures__/solaris-beneficial-owner.json';
import booking from '../__fixtures__/solaris-booking.json';
import businessChanged from '../__fixtures__/solaris-business-changed.json';
import businessDeleted from '../__fixtures__/solaris-business-deleted.json';
import businessDirectDebitProfileBlockCancelled from '../__fixtures__/solaris-business-direct-debit-profile-block-cancelled.json';
import businessDirectDebitProfileBlockScheduled from '../__fixtures__/solaris-business-direct-debit-profile-block-scheduled.json';
import businessFrontingApplication from '../__fixtures__/solaris-business-fronting-application.json';
import businessFrontingLoanPayout from '../__fixtures__/solaris-business-fronting-loan-payout.json';
import businessFrontingPayoutUpdate from '../__fixtures__/solaris-business-fronting-payout-update.json';
import businessFrontingRelationshipStatusChanged from '../__fixtures__/solaris-business-fronting-relationship-status-changed.json';
import businessIdentification from '../__fixtures__/solaris-business-identification.json';
import businessSeizureCreated from '../__fixtures__/solaris-business-seizure-created.json';
import businessSeizureDeleted from '../__fixtures__/solaris-business-seizure-deleted.json';
import businessSeizureFulfilled from '../__fixtures__/solaris-business-seizure-fulfilled.json';
import businessSeizureUpdated from '../__fixtures__/solaris-business-seizure-updated.json';
import businessTaxIdentificationChanged from '../__fixtures__/solaris-business-tax-identification-changed.json';
import cardFraudCasePending from '../__fixtures__/solaris-card-fraud-case-pending.json';
import cardFraudCaseTimeout from '../__fixtures__/solaris-card-fraud-case-timeout.json';
import cardLifecycleEvent from '../__fixtures__/solaris-card-lifecycle-event.json';
import cardTokenLifecycle from '../__fixtures__/solaris-card-token-lifecycle.json';
import cashOperationStatusChanged from '../__fixtures__/solaris-cash-operation-status-changed.json';
import consumerFrontingApplication from '../__fixtures__/solaris-consumer-fronting-application.json';
import consumerLoanApplication from '../__fixtures__/solaris-consumer-loan-application.json';
import consumerOverdraft from '../__fixtures__/solaris-consumer-overdraft.json';
import personChanged from '../__fixtures__/solaris-person-changed.json';
import personDeleted from '../__fixtures__/solaris-person-deleted.json';
import personMobileNumberCreated from '../__fixtures__/solaris-person-mobile-number-created.json';
import personTaxIdentificationChanged from '../__fixtures__/solaris-person-tax-identification-changed.json';

/** One fixture file: the native type, Solaris's headers and the body. */
export interface SolarisFixture {
  _source: string;
  _repair?: string;
  nativeType: string;
  headers: Record<string, string>;
  body: unknown;
}

/** All fixtures, in the order of the Solaris event index. */
export const solarisFixtures: readonly SolarisFixture[] = [
  accountBlock,
  accountClosureRequestUpdate,
  accountClosureRequest,
  accountClosure,
  accountLimitChange,
  accountOpeningRequest,
  accountSnapshot,
  acquirerTopupDeclined,
  acquirerTopupExecuted,
  acquirerTopupPaymentFailed,
  beneficialOwner,
  booking,
  businessChanged,
  businessDeleted,
  businessDirectDebitProfileBlockCancelled,
  businessDirectDebitProfileBlockScheduled,
  businessFrontingApplication,
  businessFrontingLoanPayout,
  businessFrontingPayoutUpdate,
  businessFrontingRelationshipStatusChanged,
  businessIdentification,
  businessSeizureCreated,
  businessSeizureDeleted,
  businessSeizureFulfilled,
  businessSeizureUpdated,
  businessTaxIdentificationChanged,
  cardFraudCasePending,
  cardFraudCaseTimeout,
  cardLifecycleEvent,
  cardTokenLifecycle,
  cashOperationStatusChanged,
  consumerFrontingApplication,
  consumerLoanApplication,
  consumerOverdraft,
  personChanged,
  personDeleted,
  personMobileNumberCreated,
  personTaxIdentificationChanged,
];
