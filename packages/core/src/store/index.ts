export { createMemoryStore, type MemoryStoreOptions } from './memory-store';
export type {
  WebhookClaimResult,
  WebhookEventKey,
  WebhookStore,
  WebhookStoreEntry,
} from './webhook-store';
