// @finhooks/core/store-kit: helpers for durable store authors. The SQLite
// and PostgreSQL stores of finhooks are built on exactly these; users of a
// store need none of them.
export {
  clampListLimit,
  decodeStoreCursor,
  DEFAULT_LIST_LIMIT,
  encodeStoreCursor,
  MAX_LIST_LIMIT,
  type StoreCursorPosition,
} from './store-cursor';
export {
  claimLease,
  createClaimLeases,
  type ClaimLeases,
} from './claim-leases';
export { identityScope, nthEventId } from './identity-scope';
export {
  MAX_STORED_ERROR_LENGTH,
  retryDelayMs,
  storedErrorMessage,
  toEpochMs,
} from './store-values';
export {
  positiveIntegerOption,
  resolveDurableStoreOptions,
  type DurableStoreOptions,
  type ResolvedDurableStoreOptions,
} from './store-options';
export { storedBytes, toBuffer } from './stored-bytes';
export {
  assertSameEvent,
  leaseExpiredMessage,
  purgeCutoffMs,
  toEventsPage,
  toStoredEvent,
  type StoredEventRow,
} from './stored-rows';
export {
  isRejectedData,
  rejectedEvent,
  STORE_REJECTED,
  type RejectingDatabase,
} from './rejected-event';
