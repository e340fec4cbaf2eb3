import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import type { WebhookAdapterV1 } from '../adapter/v1/webhook-adapter-v1';
import type { WebhookCatalogueEntryV1 } from '../adapter/v1/webhook-event-definition';
import type { AnyWebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import { truncateForLog, type WebhookLogger } from '../router/webhook-logger';
import { clampListLimit } from '../store-kit/store-cursor';
import type {
  DurableWebhookStore,
  StoredWebhookEvent,
} from './durable-webhook-store';

/** Options of {@link remapStoredEvents}. */
export interface RemapStoredEventsOptions {
  /** Events read per `listEvents` page. Default 100 (1 to 500). */
  batchSize?: number;
  /** Where events that cannot be re-mapped are reported (`warn`). */
  logger?: WebhookLogger;
  /** Stops after the current event (at shutdown); the counts so far are returned. */
  signal?: AbortSignal;
}

/** What {@link remapStoredEvents} did. */
export interface RemapStoredEventsResult {
  /** Stored events of the adapters' providers that were read. */
  scanned: number;
  /** Events rewritten under their adapter's current type and subject. */
  remapped: number;
  /** Stale events that could not be re-mapped: left as they were. */
  failed: number;
}

/** Whether the catalogue now names a different type or subject type. */
function isStale(
  event: AnyWebhookEventV1,
  entry: WebhookCatalogueEntryV1 | undefined,
): boolean {
  if (entry === undefined) return false;
  if (event.type !== entry.type) return true;
  return (
    entry.subjectType !== undefined &&
    event.subject !== undefined &&
    event.subject.type !== entry.subjectType
  );
}

function sameNames(a: AnyWebhookEventV1, b: AnyWebhookEventV1): boolean {
  return (
    a.type === b.type &&
    a.subject?.type === b.subject?.type &&
    a.subject?.id === b.subject?.id &&
    a.status === b.status
  );
}

/**
 * The event re-mapped from the stored raw delivery, keeping the stored
 * `id` and `identity`, or why there is none. Validity never changes: a
 * quarantined event stays quarantined (with its data and issues; replay it
 * to process it), and a valid one that no longer passes its schema is not
 * re-mapped.
 */
async function remapped(
  adapter: WebhookAdapterV1,
  stored: StoredWebhookEvent,
): Promise<AnyWebhookEventV1 | string> {
  const { method, url, headers, body } = stored.delivery;
  if (url === '') return 'no stored delivery';
  const result = await adapter.receive(
    createRawWebhookRequest({ method, url, headers, body }),
    {
      // Verified when first received; the credentials were not stored.
      alreadyVerified: stored.event.authenticity,
      verifiedFacts: {
        account: stored.event.account,
        livemode: stored.event.livemode,
      },
      receivedAt: new Date(stored.event.receivedAt),
    },
  );
  if (result.kind === 'handshake')
    return 'the stored delivery is now read as a handshake';
  const keep = { id: stored.id, identity: stored.event.identity };
  if ('issues' in stored.event) {
    const { data, issues } = stored.event;
    return { ...result.event, ...keep, data, issues };
  }
  if (result.kind === 'invalid')
    return `the stored payload no longer passes the ${adapter.provider} schema`;
  return { ...result.event, ...keep };
}

/**
 * A migration for stored events after an adapter upgrade renamed normalized
 * types or subject types (docs/vocabulary.md): every stored event of the
 * adapters' providers whose `type` or `subject.type` differs from what its
 * adapter's `catalogue` now says for its `nativeType` is mapped again from
 * its stored raw delivery (verified when first received, so not verified
 * again) and rewritten in place with `rewriteEvent`, keeping its id,
 * identity, state, attempts and delivery. Afterwards `latestBySubject` and
 * `deleteBySubject` find it under the new names.
 *
 * Idempotent and safe while receivers run; run it once after `migrate()`
 * (in the background: it reads every stored event). An event that cannot be
 * re-mapped is left as it was, counted in `failed` and logged.
 */
export async function remapStoredEvents(
  store: Pick<DurableWebhookStore, 'listEvents' | 'rewriteEvent'>,
  adapters: Iterable<WebhookAdapterV1>,
  options: RemapStoredEventsOptions = {},
): Promise<RemapStoredEventsResult> {
  const limit = clampListLimit(options.batchSize ?? 100);
  const counts: RemapStoredEventsResult = {
    scanned: 0,
    remapped: 0,
    failed: 0,
  };
  for (const adapter of adapters) {
    if (options.signal?.aborted) break;
    const catalogue = new Map(
      (adapter.catalogue ?? []).map(entry => [entry.nativeType, entry]),
    );
    if (catalogue.size === 0) continue;
    let cursor: string | undefined;
    do {
      const page = await store.listEvents({
        provider: adapter.provider,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const stored of page.events) {
        if (options.signal?.aborted) return counts;
        counts.scanned += 1;
        if (!isStale(stored.event, catalogue.get(stored.event.nativeType)))
          continue;
        let outcome: AnyWebhookEventV1 | string;
        try {
          outcome = await remapped(adapter, stored);
          if (typeof outcome !== 'string') {
            if (sameNames(outcome, stored.event)) continue;
            const key = { provider: stored.provider, id: stored.id };
            if (await store.rewriteEvent(key, outcome)) counts.remapped += 1;
            continue;
          }
        } catch (error) {
          outcome = error instanceof Error ? error.message : String(error);
        }
        counts.failed += 1;
        options.logger?.warn(
          {
            provider: stored.provider,
            eventId: truncateForLog(stored.id),
            nativeType: truncateForLog(stored.event.nativeType),
            reason: truncateForLog(outcome),
          },
          'stored event not re-mapped: left under its old type and subject',
        );
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
  return counts;
}
