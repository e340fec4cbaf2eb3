export { createMemoryStore, type MemoryStoreOptions } from './memory-store';
export { identityScope, nthEventId } from './identity-scope';
export type {
  StoredDelivery,
  WebhookClaimResult,
  WebhookClaimStatus,
  WebhookEventKey,
  WebhookStore,
  WebhookStoreEntry,
} from './webhook-store';
export {
  retryDelayMs,
  type DurableWebhookStore,
  type ListStoredEventsQuery,
  type StoredEventState,
  type StoredSubjectQuery,
  type StoredEventsPage,
  type StoreLeaseOptions,
  type StoredWebhookEvent,
} from './durable-webhook-store';
export {
  clampListLimit,
  decodeStoreCursor,
  DEFAULT_LIST_LIMIT,
  encodeStoreCursor,
  MAX_LIST_LIMIT,
  type StoreCursorPosition,
} from './store-cursor';
export {
  MAX_STORED_ERROR_LENGTH,
  storedErrorMessage,
  toEpochMs,
} from './store-values';
export {
  createRetryWorker,
  type RetryWorker,
  type RetryWorkerOptions,
  type StoredEventRef,
} from './create-retry-worker';
export {
  claimLease,
  createClaimLeases,
  type ClaimLeases,
} from './claim-leases';
