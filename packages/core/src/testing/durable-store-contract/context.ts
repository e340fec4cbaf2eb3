// Shared setup of the durable store contract suite: the target's types, the
// suite's clock and databases, and event builders.
import { createTestWebhookEvent } from '../test-webhook-event';
import type {
  AnyWebhookEventV1,
  InvalidWebhookEventV1,
  WebhookEventV1,
} from '../../envelope/v1/webhook-event-v1';
import type { DurableWebhookStore } from '../../store/durable-webhook-store';
import type { WebhookStoreEntry } from '../../store/webhook-store';

/** What the suite passes when it opens a store. */
export interface DurableStoreContractOptions {
  /** The store's clock (ms since the epoch): the suite moves time itself. */
  now: () => number;
  /** Handler runs before an event is dead-lettered. */
  maxAttempts?: number;
  /** How long a claim reserves a new event for its receiver, in ms. */
  leaseMs?: number;
}

/**
 * One empty database. `open` may be called several times: every store it
 * returns must be a separate connection (or pool) to the same data, as two
 * receivers would be.
 */
export interface DurableStoreContractDatabase {
  open(options: DurableStoreContractOptions): DurableWebhookStore;
  /** Drops the database (after every store opened on it was closed). */
  cleanup(): Promise<void>;
}

/** Options of `runDurableStoreContractTests`. */
export interface DurableStoreContractTarget {
  /** Prefix of the test names, e.g. `SQLite`. */
  name: string;
  /** A fresh, empty database per test. */
  createDatabase(): Promise<DurableStoreContractDatabase>;
  /**
   * Whether two `open`ed stores really run statements in parallel (a server
   * database): adds a parallel-load test.
   */
  parallel: boolean;
}

/** What every group of contract tests gets from the suite. */
export interface ContractContext {
  target: DurableStoreContractTarget;
  /** The stores' clock; tests move it. Reset to {@link START} after each test. */
  clock: number;
  now: () => number;
  /** A fresh database and `count` migrated stores on it. */
  setup(
    options?: Partial<DurableStoreContractOptions>,
    count?: number,
  ): Promise<{
    stores: DurableWebhookStore[];
    database: DurableStoreContractDatabase;
  }>;
  /** A fresh database and one migrated store on it. */
  one(
    options?: Partial<DurableStoreContractOptions>,
  ): Promise<DurableWebhookStore>;
  /** Runs after the test (stores are closed, databases dropped). */
  cleanups: (() => Promise<void>)[];
}

export const START = Date.parse('2026-03-01T12:00:00.000Z');
export const LEASE_MS = 30_000;

export function makeEvent(
  overrides: Partial<WebhookEventV1> & { id: string },
): WebhookEventV1 {
  return createTestWebhookEvent({
    receivedAt: new Date(START).toISOString(),
    ...overrides,
  });
}

export function makeInvalid(
  overrides: Partial<InvalidWebhookEventV1> & { id: string },
): InvalidWebhookEventV1 {
  return {
    ...makeEvent({ id: overrides.id, type: 'acme.unknown' }),
    issues: [
      {
        path: ['amount'],
        message: 'Expected number, received string',
        code: 'invalid_type',
      },
    ],
    ...overrides,
  };
}

/**
 * An event without an id in its authenticated bytes: its key is `key` (a
 * hash of the bytes in real adapters), repeated only within `windowMs` of
 * the latest event of its subject. Received at `receivedAt` (ms).
 */
export function makeContentEvent(
  key: string,
  receivedAt: number,
  overrides: Partial<WebhookEventV1> = {},
  windowMs = 60_000,
): WebhookEventV1 {
  return makeEvent({
    id: key,
    identity: { source: 'content', key, windowMs },
    receivedAt: new Date(receivedAt).toISOString(),
    data: { status: key },
    ...overrides,
  });
}

/** The router's entry for an event; the delivery keeps no signature header. */
export function entry(
  event: AnyWebhookEventV1,
  body?: Uint8Array,
): WebhookStoreEntry {
  return {
    event,
    delivery: {
      method: 'POST',
      url: 'https://hooks.example.com/webhooks/acme?x=1',
      headers: { 'content-type': 'application/json', 'x-acme-id': event.id },
      body: body ?? new TextEncoder().encode(JSON.stringify({ id: event.id })),
    },
  };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

export const key = (event: { provider: string; id: string }) => ({
  provider: event.provider,
  id: event.id,
});
