// An in-memory DurableWebhookStore with the real stores' state machine, for
// core's router and retry-worker tests. Not exported from the package.
import type { AnyWebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import type {
  DurableWebhookStore,
  StoredSubjectQuery,
  StoredWebhookEvent,
} from '../store/durable-webhook-store';
import { identityScope, nthEventId } from '../store-kit/identity-scope';
import { retryDelayMs } from '../store-kit/store-values';
import { assertSameEvent } from '../store-kit/stored-rows';

export function createFakeDurableStore({
  maxAttempts = 3,
  now = () => Date.now(),
} = {}): DurableWebhookStore & {
  rows: Map<string, StoredWebhookEvent>;
} {
  const rows = new Map<string, StoredWebhookEvent>();
  // Leases of this store's own claims: the router passes none.
  const claimed = new Map<string, number>();
  const keyOf = (key: { provider: string; id: string }) =>
    `${key.provider}:${key.id}`;
  const at = (ms: number) => new Date(ms).toISOString();
  const about = (query: StoredSubjectQuery) =>
    [...rows.values()].filter(
      row =>
        row.provider === query.provider &&
        row.event.subject?.type === query.subjectType &&
        row.event.subject.id === query.subjectId,
    );
  /** The row if `options.lease` (or this store's claim) still holds it. */
  const held = (
    key: { provider: string; id: string },
    options: { lease?: number } | undefined,
  ) => {
    let lease = options?.lease;
    if (lease === undefined) {
      lease = claimed.get(keyOf(key));
      claimed.delete(keyOf(key));
    }
    const row = rows.get(keyOf(key));
    return lease === undefined || row?.lease === lease ? row : undefined;
  };
  const time = (value: string | undefined) =>
    value === undefined ? Number.NEGATIVE_INFINITY : Date.parse(value);
  return {
    durable: true,
    rows,
    async migrate() {},
    async claim({ event: proposed, delivery }) {
      // The real stores' identity rules: a provider id or signed material
      // repeats any stored event with its key; a content key only the
      // latest event of its scope (rows are in insertion order), within
      // its window.
      const { identity, provider } = proposed;
      const scope = identityScope(proposed);
      const inScope = [...rows.values()].filter(
        row => row.provider === provider && identityScope(row.event) === scope,
      );
      const previous =
        identity.source === 'content'
          ? inScope
              .filter(row => row.event.identity.source === 'content')
              .at(-1)
          : inScope.find(row => row.event.identity.key === identity.key);
      if (
        previous !== undefined &&
        previous.event.identity.key === identity.key &&
        (identity.source !== 'content' ||
          now() - Date.parse(previous.event.receivedAt) <=
            (identity.windowMs ?? 0))
      )
        return { status: 'duplicate', id: previous.id };
      let n = 1;
      while (rows.has(keyOf({ provider, id: nthEventId(identity.key, n) })))
        n += 1;
      const event = { ...proposed, id: nthEventId(identity.key, n) };
      const key = keyOf(event);
      const invalid = 'issues' in event;
      rows.set(key, {
        provider: event.provider,
        id: event.id,
        state: invalid ? 'quarantined' : 'processing',
        attempts: invalid ? 0 : 1,
        lease: invalid ? 0 : 1,
        nextAttemptAt: at(now() + 60_000),
        event,
        delivery,
      });
      claimed.set(key, invalid ? 0 : 1);
      return { status: 'claimed', id: event.id };
    },
    async complete(key, options) {
      const row = held(key, options);
      if (row !== undefined && row.state !== 'quarantined')
        row.state = 'processed';
    },
    async fail(key, error, options) {
      const row = held(key, options);
      if (row === undefined || row.state === 'quarantined') return;
      row.lastError = error instanceof Error ? error.message : String(error);
      row.state = row.attempts >= maxAttempts ? 'failed' : 'pending';
      row.nextAttemptAt = at(now() + retryDelayMs(row.attempts));
    },
    async leaseDue({ limit, leaseMs }) {
      const due = [...rows.values()].filter(
        row =>
          (row.state === 'pending' || row.state === 'processing') &&
          Date.parse(row.nextAttemptAt ?? '') <= now(),
      );
      return due.slice(0, limit).map(row => {
        row.state = 'processing';
        row.attempts += 1;
        row.lease = (row.lease ?? 0) + 1;
        row.nextAttemptAt = at(now() + leaseMs);
        return row;
      });
    },
    async listEvents(query = {}) {
      // One page, newest first; filters as the real stores.
      const events = [...rows.values()]
        .reverse()
        .filter(
          row =>
            (query.provider === undefined || row.provider === query.provider) &&
            (query.type === undefined || row.event.type === query.type) &&
            (query.state === undefined || row.state === query.state),
        );
      return { events, nextCursor: null };
    },
    async getEvent(key) {
      return rows.get(keyOf(key));
    },
    async replaceQuarantined(key, event: AnyWebhookEventV1) {
      const row = rows.get(keyOf(key));
      if (row === undefined || row.state !== 'quarantined') return undefined;
      row.event = event;
      if (!('issues' in event)) {
        row.state = 'pending';
        row.nextAttemptAt = at(now());
      }
      return row;
    },
    async rewriteEvent(key, event: AnyWebhookEventV1) {
      assertSameEvent('rewriteEvent', key, event);
      const row = rows.get(keyOf(key));
      if (row === undefined) return false;
      row.event = event;
      return true;
    },
    async latestBySubject(query) {
      // Latest occurredAt (missing ranks last), then latest receipt, then id.
      return about(query).sort(
        (a, b) =>
          time(b.event.occurredAt) - time(a.event.occurredAt) ||
          time(b.event.receivedAt) - time(a.event.receivedAt) ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      )[0];
    },
    async deleteBySubject(query) {
      const doomed = about(query);
      for (const row of doomed) rows.delete(keyOf(row));
      return doomed.length;
    },
    async purgeProcessed({ before }) {
      const doomed = [...rows.entries()].filter(
        ([, row]) =>
          row.state === 'processed' &&
          Date.parse(row.event.receivedAt) < before.getTime(),
      );
      for (const [key] of doomed) rows.delete(key);
      return doomed.length;
    },
    async counts() {
      return [];
    },
    async close() {},
  };
}
