import type {
  WebhookClaimResult,
  WebhookEventKey,
  WebhookStore,
  WebhookStoreEntry,
} from './webhook-store';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Most ids remembered; the least recently used go first. Default 10 000. */
  maxEntries?: number;
  /** How long a processed id is remembered, in ms. Default 24 h. */
  ttlMs?: number;
  /** How long a claim blocks a concurrent duplicate, in ms. Default 5 min. */
  leaseMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface MemoryEntry {
  state: 'processing' | 'done';
  expiresAt: number;
}

/**
 * The library's default store: bounded LRU/TTL memory of processed ids for
 * one process. It deduplicates retries but does not survive a restart; use
 * a durable store (SQLite, PostgreSQL) where events must never be lost.
 */
export function createMemoryStore(
  options: MemoryStoreOptions = {},
): WebhookStore & {
  readonly size: number;
} {
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const leaseMs = options.leaseMs ?? 5 * 60 * 1000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, MemoryEntry>();
  const keyOf = ({ provider, id }: WebhookEventKey): string =>
    `${provider}\u0000${id}`;

  function set(key: string, entry: MemoryEntry): void {
    entries.delete(key); // re-insert: Map order is the LRU order
    entries.set(key, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  return {
    durable: false,
    get size() {
      return entries.size;
    },
    async claim({ event }: WebhookStoreEntry): Promise<WebhookClaimResult> {
      const key = keyOf(event);
      const existing = entries.get(key);
      if (existing !== undefined && existing.expiresAt > now()) {
        if (existing.state === 'done') {
          set(key, existing);
          return 'duplicate';
        }
        return 'in_progress';
      }
      set(key, { state: 'processing', expiresAt: now() + leaseMs });
      return 'claimed';
    },
    async complete(key) {
      set(keyOf(key), { state: 'done', expiresAt: now() + ttlMs });
    },
    async fail(key) {
      entries.delete(keyOf(key));
    },
  };
}
