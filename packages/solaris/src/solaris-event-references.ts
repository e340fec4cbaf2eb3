import type { SolarisNativeType } from './solaris-events';
import { solarisReference } from './solaris-references';

// Where Solaris documents each event, kept out of the runtime catalogue
// (`adapter.catalogue`) on purpose: this documentation text would
// otherwise ship in every Workers bundle. docs/events.md and the
// vocabulary test read it from here. The whole map is built by one
// `/* @__PURE__ */` call, so a bundler drops it (and `solarisReference`)
// from an app that does not import it.

const unconfirmed =
  ' (event name per third-party code, docs/providers/solaris.md#event-names)';

/**
 * Where Solaris documents each native event type: its page in the webhook
 * events reference and a short quote of what the page says
 * (`solarisReference`).
 */
export const solarisEventReferences = /* @__PURE__ */ (() =>
  ({
    ACCOUNT_BLOCK: solarisReference(
      'account_block',
      "The locking_status or locking_reason for a customer's account has changed.",
    ),
    ACCOUNT_CLOSURE: solarisReference(
      'account_closure',
      "The account closure process has completed for a customer's account.",
    ),
    ACCOUNT_CLOSURE_REQUEST: solarisReference(
      'account_closure_request',
      "Solaris has initiated the account closure process for a customer's account.",
    ),
    ACCOUNT_CLOSURE_REQUEST_UPDATE: solarisReference(
      'account_closure_request_update',
      'This webhook sends notifications about certain status transitions for account closure requests.',
    ),
    ACCOUNT_LIMIT_CHANGE: solarisReference(
      'account_limit_change',
      "The limit on a customer's account has changed.",
    ),
    ACCOUNT_OPENING_REQUEST: solarisReference(
      'account_opening_request',
      'An account opening request has been either accepted or rejected.',
    ),
    ACCOUNT_SNAPSHOT: solarisReference(
      'account_snapshot',
      'The status of an account snapshot has changed.',
    ),
    ACQUIRER_TOPUP_DECLINED: solarisReference(
      'acquirer_topup_declined',
      'A Top-Up transaction was declined by Solaris. The status of the Top Up has changed to DECLINED.',
    ),
    ACQUIRER_TOPUP_EXECUTED: solarisReference(
      'acquirer_topup_executed',
      'Solaris successfully processed a Top-Up via an Acquirer. [...] the status of the Top Up has changed to EXECUTED.',
    ),
    ACQUIRER_TOPUP_PAYMENT_FAILED: solarisReference(
      'acquirer_topup_payment_failed',
      'A customer attempted an Instant Top-Up but the payment failed.',
    ),
    CASH_OPERATION_STATUS_CHANGED: solarisReference(
      'cash_operation_status_changed',
      'A customer has paid out/paid in to a cash operation, or the cash operation has expired.',
    ),
    PERSON_CHANGED: solarisReference(
      'person_changed',
      'One or more attributes of a person were changed. This webhook does not come with a payload. The header will contain the ID of the person that was changed.',
    ),
    PERSON_DELETED: solarisReference(
      'person_deleted',
      'Solaris deletes all personal data related to the given person from its system according to GDPR regulations.',
    ),
    PERSON_MOBILE_NUMBER_CREATED: solarisReference(
      'person_mobile_number_created',
      'A mobile number was created for a customer, but has not yet been verified. This webhook does not contain a payload, but the header will contain the id of the person for whom the mobile number was created.',
    ),
    BUSINESS_CHANGED: solarisReference(
      'business_changed',
      'One or more attributes of a business were changed. This webhook does not come with a payload. The notification includes the ID of the business that was changed in the header.',
    ),
    BUSINESS_DELETED: solarisReference(
      'business_deleted',
      'Solaris has deleted all data related to the given business from its system.',
    ),
    IDENTIFICATION: solarisReference(
      'identification',
      'A person identification was created, or its status was updated.',
    ),
    BUSINESS_IDENTIFICATION: solarisReference(
      'business_identification',
      'A business identification was created, or its status was updated.',
    ),
    IDENTIFICATION_ORIGINATION: solarisReference(
      'identification_origination',
      'The status of an identification origination (identification and e-signing flow) has changed.',
    ),
    IDENTIFICATION_REFERENCE_TRANSFER_ATTEMPT: solarisReference(
      'identification_reference_transfer_attempt',
      'A bank_plus identification reference transfer attempt failed; remaining_attempts says how many are left.',
    ),
    PERSON_TAX_IDENTIFICATION_CHANGED: solarisReference(
      'person_tax_identification_changed',
      'The tax identification of a person was modified; the header holds the tax identification id, the payload the person id.',
    ),
    BUSINESS_TAX_IDENTIFICATION_CHANGED: solarisReference(
      'business_tax_identification_changed',
      'The tax identification number of a business was modified. The webhook contains the id of the relevant business tax identification in the header and the id of the relevant business in the payload.',
    ),
    PERSON_MOBILE_NUMBER_DELETED: solarisReference(
      'person_mobile_number_deleted',
      "A customer's mobile number was deleted. [id:] The ID of the customer's mobile number that was deleted.",
    ),
    BENEFICIAL_OWNER: solarisReference(
      'beneficial_owner',
      'A new beneficial owner was linked to a business, or an existing one was updated.',
    ),
    LEGAL_REPRESENTATIVE: solarisReference(
      'legal_representative',
      'A legal representative was linked to a business, or an existing one was updated.',
    ),
    BUSINESS_FRONTING_RELATIONSHIP_STATUS_CHANGED: solarisReference(
      'business_fronting_relationship_status_changed',
      'The status of the fronting business relationship with a customer has changed.',
    ),
    POSTBOX_ITEM_CREATED: solarisReference(
      'postbox_item_created',
      "A new document was added to a customer's postbox.",
    ),
    QUESTIONS_REQUIRE_RESPONSE: solarisReference(
      'questions_require_response',
      'A question set was created for a customer, who must answer it before its deadline.',
    ),
    ACTIVATION_CHALLENGE_CREATION: solarisReference(
      'activation_challenge_created',
      'A device-binding activation challenge was created for a person.',
    ),
    TRUSTED_IBAN_CONFIRMED: solarisReference(
      'trusted_iban_confirmed',
      'A trusted IBAN was confirmed (approved_by names who approved it).',
    ),
    REFERENCE_ACCOUNT_CREATED: solarisReference(
      'reference_account_created',
      'A customer has registered a new reference account for payouts used with restricted accounts.',
    ),
    POTENTIAL_ACCOUNT_BLOCKING: solarisReference(
      'potential_account_blocking',
      'The identification document of a customer is about to expire; the account will be blocked on blocking_date (event name per docs/providers/solaris.md#event-names, not confirmed).',
    ),
    BOOKING: solarisReference(
      'booking',
      'A booking was created on the account specified in the webhook payload.',
    ),
    BATCH_TRANSFER_STATUS_CHANGED: solarisReference(
      'batch_transfer_status_changed',
      "When a batch transfer's status changes to IN_PROGRESS, REJECTED or FINISHED, this webhook will be triggered.",
    ),
    SCHEDULED_TRANSFER_STATUS_CHANGED: solarisReference(
      'scheduled_transfer_status_changed',
      'This webhook event is triggered when the status of a scheduled transfer changes. [status:] Possible values are ACTIVE, CANCELED and CONCLUDED.',
    ),
    SEPA_TIMED_ORDER: solarisReference(
      'sepa_timed_order',
      'A timed order was executed.',
    ),
    SEPA_SCHEDULED_TRANSACTION: solarisReference(
      'sepa_scheduled_transaction',
      'A standing order was either executed or declined.',
    ),
    SEPA_CREDIT_TRANSACTION_DECLINED: solarisReference(
      'sepa_credit_transaction_declined',
      'A SEPA Credit Transfer conducted by one of your customers was declined.',
    ),
    REFERENCE_ACCOUNT_INSTANT_PAYOUT_EXECUTED: solarisReference(
      'reference_account_instant_payout_executed',
      'An instant reference account payout was successful and a booking was made on the account.',
    ),
    SEPA_DIRECT_DEBIT_RETURN: solarisReference(
      'sepa_direct_debit_return',
      "A SEPA Direct Debit return notification was created because a SEPA Direct Debit collection from a customer's account did not meet the payment acceptance criteria, which led to Solaris declining the transaction.",
    ),
    SEPA_DIRECT_DEBIT_TRANSACTION_SCHEDULED: solarisReference(
      'sepa_direct_debit_transaction_scheduled',
      "A SEPA Direct Debit transaction was scheduled on a customer's account. [id:] Same as the transaction ID in the booking resource.",
    ),
    SDD_COLLECTION_APPLICATION: solarisReference(
      'sdd_collection_application',
      'To start receiving updates about application Decoupled Cards product. [status:] The current status of the SDD collection application. [decision:] OFFERED, REJECTED.',
    ),
    BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_SCHEDULED: solarisReference(
      'business_direct_debit_profile_block_scheduled',
      "A block was scheduled on a business' SEPA Direct Debit profile. (Legacy)",
    ),
    BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_CANCELLED: solarisReference(
      'business_direct_debit_profile_block_cancelled',
      "A scheduled block on a business' SEPA Direct Debit profile was canceled. (Legacy)",
    ),
    INCOMING_REJECTED_TRANSACTION: solarisReference(
      'incoming_rejected_transaction',
      'An incoming transaction to an account was rejected (event name per docs/providers/solaris.md#event-names, not confirmed).',
    ),
    CARD_AUTHORIZATION: solarisReference(
      'card_authorization',
      'A card transaction created a reservation (reservation_type CARD_AUTHORIZATION) on the account.',
    ),
    CARD_AUTHORIZATION_RESOLUTION: solarisReference(
      'card_authorization_resolved',
      'A card authorization reservation was resolved (cancelled, booked or expired).',
    ),
    CARD_AUTHORIZATION_DECLINE: solarisReference(
      'card_authorization_decline',
      'A card authorization was declined (deprecated: use CARD_AUTHORIZATION_DECLINE_V2).',
    ),
    CARD_AUTHORIZATION_DECLINE_V2: solarisReference(
      'card_authorization_decline_v2',
      'A card authorization was declined; card_transaction describes the attempt.',
    ),
    CARD_DELIVERY_TRACKING: solarisReference(
      'card_delivery_tracking',
      'New delivery tracking information is available for a card (payload not published in full).',
    ),
    CARD_FRAUD_CASE_PENDING: solarisReference(
      'card_fraud_case_pending',
      "A fraud case was recorded on a transaction made by a customer's card, and it requires the customer's immediate response.",
    ),
    CARD_FRAUD_CASE_TIMEOUT: solarisReference(
      'card_fraud_case_timeout',
      "A fraud case that was recorded for a transaction with a customer's card did not receive a response from the customer within 30 minutes.",
    ),
    CARD_LIFECYCLE_EVENT: solarisReference(
      'card_lifecycle_event',
      "The status of a customer's card has changed.",
    ),
    CARD_TOKEN_LIFECYCLE: solarisReference(
      'card_token_lifecycle',
      "A push provisioning token has been created or updated for a customer's card.",
    ),
    SCA_CHALLENGE: solarisReference(
      'sca_challenge',
      'A 3-D Secure challenge was created for a card transaction (name per third-party code, docs/providers/solaris.md#event-names; page not retrieved).',
    ),
    RESERVATION_CREATED: solarisReference(
      'reservation_created',
      'A seizure-related reservation was created on an account.',
    ),
    RESERVATION_RESOLVED: solarisReference(
      'reservation_resolved',
      'A seizure-related reservation was resolved.',
    ),
    RESERVATION_AND_CARD_STATUS_CHANGES:
      'https://docs.solarisgroup.com/api-reference/onboarding/webhooks/webhook-events — RESERVATION_AND_CARD_STATUS_CHANGES: legacy name from a third-party EventType enum, no page of its own (docs/providers/solaris.md#event-names)',
    PERSON_SEIZURE_CREATED: solarisReference(
      'person_seizure_created',
      `Solaris has received a request from the authorities (e.g., court, governmental agency) to seize the account(s) of a person.${unconfirmed}`,
    ),
    PERSON_SEIZURE_UPDATED: solarisReference(
      'person_seizure_updated',
      'A seizure on a person was updated (e.g., its processing switched from automated to manual).',
    ),
    PERSON_SEIZURE_FULFILLED: solarisReference(
      'person_seizure_fulfilled',
      'The status of a seizure on a person has changed to FULFILLED.',
    ),
    PERSON_SEIZURE_DELETED: solarisReference(
      'person_seizure_deleted',
      `Solaris has removed a seizure for a person because it was created by mistake.${unconfirmed}`,
    ),
    BUSINESS_SEIZURE_CREATED: solarisReference(
      'business_seizure_created',
      'Solaris has received a request from the authorities (e.g., court, governmental agency) to seize the account(s) of a business.',
    ),
    BUSINESS_SEIZURE_UPDATED: solarisReference(
      'business_seizure_updated',
      'The processing method for a seizure for a business has switched from automated to manual.',
    ),
    BUSINESS_SEIZURE_FULFILLED: solarisReference(
      'business_seizure_fulfilled',
      'The status of a seizure on a business has changed to FULFILLED.',
    ),
    BUSINESS_SEIZURE_DELETED: solarisReference(
      'business_seizure_deleted',
      'Solaris has removed a seizure for a business because it was created by mistake.',
    ),
    BUSINESS_FRONTING_APPLICATION: solarisReference(
      'business_fronting_application',
      'The status of a business fronting loan application has changed.',
    ),
    CONSUMER_FRONTING_APPLICATION: solarisReference(
      'consumer_fronting_application',
      'The status of a consumer loan application has changed.',
    ),
    CONSUMER_LOAN_APPLICATION: solarisReference(
      'consumer_loan_application',
      'The status of a consumer loan application has changed.',
    ),
    BUSINESS_FRONTING_LOAN_PAYOUT: solarisReference(
      'business_fronting_loan_payout',
      'The status of a fronting loan payout has changed to payout_issued.',
    ),
    BUSINESS_FRONTING_PAYOUT_UPDATE: solarisReference(
      'business_fronting_payout_update',
      'The status of a partial fronting loan payout has changed to transfers_complete.',
    ),
    CONSUMER_OVERDRAFT: solarisReference(
      'consumer_overdraft',
      'The status of a consumer overdraft has changed.',
    ),
    CONSUMER_OVERDRAFT_APPLICATION: solarisReference(
      'consumer_overdraft_application',
      'The status of a consumer overdraft application has changed.',
    ),
    OVERDRAFT_APPLICATION: solarisReference(
      'overdraft_application',
      'The status of a freelancer overdraft application has changed.',
    ),
    OVERDRAFT_LIMIT_CHANGE: solarisReference(
      'overdraft_limit_change',
      "The overdraft limit on a consumer's account has changed.",
    ),
  }) as const satisfies Readonly<Record<SolarisNativeType, string>>)();
