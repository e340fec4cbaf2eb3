import { identityScope, nthEventId } from '../store-kit/identity-scope';
import type {
  WebhookClaimResult,
  WebhookEventKey,
  WebhookStore,
  WebhookStoreEntry,
} from './webhook-store';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Most events remembered; the least recently used go first. Default 10 000. */
  maxEntries?: number;
  /** How long a processed event is remembered, in ms. Default 24 h. */
  ttlMs?: number;
  /** How long a claim blocks a concurrent duplicate, in ms. Default 5 min. */
  leaseMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface MemoryEntry {
  state: 'processing' | 'done';
  expiresAt: number;
  /** When the event was claimed (content windows count from here). */
  claimedAt: number;
  /** Its dedup key and the scope the key is compared in. */
  key: string;
  scope: string;
}

/**
 * The library's default store: bounded LRU/TTL memory of events for one
 * process, with the identity rules of every store (a content key repeats
 * only the latest event of its subject, within its window). It
 * deduplicates retries but does not survive a restart; use a durable store
 * (SQLite, PostgreSQL) where events must never be lost.
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
  /** By `provider\0id`, in LRU order. */
  const entries = new Map<string, MemoryEntry>();
  /** Scope → the `provider\0id` of its latest event. */
  const latest = new Map<string, string>();
  const keyOf = ({ provider, id }: WebhookEventKey): string =>
    `${provider}\u0000${id}`;

  function forget(idKey: string): void {
    const entry = entries.get(idKey);
    if (entry === undefined) return;
    entries.delete(idKey);
    if (latest.get(entry.scope) === idKey) latest.delete(entry.scope);
  }

  function touch(idKey: string, entry: MemoryEntry): void {
    entries.delete(idKey); // re-insert: Map order is the LRU order
    entries.set(idKey, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      forget(oldest);
    }
  }

  function live(idKey: string | undefined): MemoryEntry | undefined {
    if (idKey === undefined) return undefined;
    const entry = entries.get(idKey);
    if (entry !== undefined && entry.expiresAt <= now()) {
      forget(idKey);
      return undefined;
    }
    return entry;
  }

  return {
    durable: false,
    get size() {
      return entries.size;
    },
    async claim({ event }: WebhookStoreEntry): Promise<WebhookClaimResult> {
      const { identity, provider } = event;
      const scope = identityScope(event);
      const previousKey = latest.get(scope);
      const previous = live(previousKey);
      if (
        previous !== undefined &&
        previousKey !== undefined &&
        previous.key === identity.key &&
        (identity.source !== 'content' ||
          now() - previous.claimedAt <= (identity.windowMs ?? 0))
      ) {
        const id = previousKey.slice(provider.length + 1);
        if (previous.state === 'processing')
          return { status: 'in_progress', id };
        touch(previousKey, previous);
        return { status: 'duplicate', id };
      }
      let n = 1;
      while (live(keyOf({ provider, id: nthEventId(identity.key, n) }))) n += 1;
      const id = nthEventId(identity.key, n);
      const idKey = keyOf({ provider, id });
      touch(idKey, {
        state: 'processing',
        expiresAt: now() + leaseMs,
        claimedAt: now(),
        key: identity.key,
        scope,
      });
      latest.set(scope, idKey);
      return { status: 'claimed', id };
    },
    async complete(key) {
      const idKey = keyOf(key);
      const entry = entries.get(idKey);
      if (entry === undefined) return;
      touch(idKey, { ...entry, state: 'done', expiresAt: now() + ttlMs });
    },
    async fail(key) {
      forget(keyOf(key));
    },
  };
}
