import type { WebhookEventKey } from '../store/webhook-store';

/** The lease a new row gets from `claim`: none (0) while quarantined. */
export function claimLease(invalid: boolean): number {
  return invalid ? 0 : 1;
}

/** Most claim leases a store remembers for its router; the oldest go first. */
const MAX_CLAIM_LEASES = 10_000;

/** Remembers the lease of each event a durable store claimed. */
export interface ClaimLeases {
  remember(key: WebhookEventKey, lease: number): void;
  /** The lease of this store's claim of the event, once. */
  take(key: WebhookEventKey): number | undefined;
}

/**
 * For durable store authors: the leases of a store's own claims. The router
 * runs the handlers of a claimed event in this process and then calls
 * `complete`/`fail` without a lease; the store applies its claim's lease, so
 * a receiver whose handlers outlive the claim lease (and whose event a
 * worker took over) changes nothing. Bounded: a forgotten claim (more than
 * 10 000 in flight) is not fenced.
 */
export function createClaimLeases(): ClaimLeases {
  const leases = new Map<string, number>();
  const keyOf = (key: WebhookEventKey) => `${key.provider}\u0000${key.id}`;
  return {
    remember(key, lease) {
      const id = keyOf(key);
      leases.delete(id);
      leases.set(id, lease);
      if (leases.size > MAX_CLAIM_LEASES) {
        const oldest = leases.keys().next().value;
        if (oldest !== undefined) leases.delete(oldest);
      }
    },
    take(key) {
      const id = keyOf(key);
      const lease = leases.get(id);
      leases.delete(id);
      return lease;
    },
  };
}
