export { createMemoryStore, type MemoryStoreOptions } from './memory-store';
export type {
  StoredDelivery,
  WebhookClaimResult,
  WebhookEventKey,
  WebhookStore,
  WebhookStoreEntry,
} from './webhook-store';
export {
  retryDelayMs,
  type DurableWebhookStore,
  type ListStoredEventsQuery,
  type StoredEventState,
  type StoredEventsPage,
  type StoredWebhookEvent,
} from './durable-webhook-store';
export {
  createRetryWorker,
  type RetryWorker,
  type RetryWorkerOptions,
  type StoredEventRef,
} from './create-retry-worker';
