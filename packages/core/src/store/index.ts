export { createMemoryStore, type MemoryStoreOptions } from './memory-store';
export type {
  StoredDelivery,
  WebhookClaimResult,
  WebhookClaimStatus,
  WebhookEventKey,
  WebhookStore,
  WebhookStoreEntry,
} from './webhook-store';
export type {
  DurableWebhookStore,
  ListStoredEventsQuery,
  StoredEventState,
  StoredSubjectQuery,
  StoredEventsPage,
  StoreLeaseOptions,
  StoredWebhookEvent,
} from './durable-webhook-store';
// Store authors: the cursor, lease, row and option helpers are in
// `@finhooks/core/store-kit`. An API that takes a cursor from its users can
// check it before `listEvents` does.
export { decodeStoreCursor } from '../store-kit/store-cursor';
export {
  createRetryWorker,
  type RetryWorker,
  type RetryWorkerOptions,
  type StoredEventRef,
} from './create-retry-worker';
export {
  remapStoredEvents,
  type RemapStoredEventsOptions,
  type RemapStoredEventsResult,
} from './remap-stored-events';
export {
  isOutboxStore,
  type OutboxDurableStore,
  type OutboxEvent,
  type OutboxLag,
  type OutboxStore,
  type PublishedOutboxEvent,
  type TakeUnpublishedOptions,
} from './outbox';
