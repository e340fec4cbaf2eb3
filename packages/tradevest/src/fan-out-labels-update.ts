import type { WebhookSubjectV1 } from '@finhooks/core';
import type { TradevestLabelsUpdateNotification } from './tradevest-payload-types';

/** One customer whose labels a LABELS_UPDATE_NOTIFICATION reports as changed. */
export interface TradevestLabelsUpdateItem {
  /** The Tradevest customer id. */
  customerId: string;
  /** `{ type: 'customer', id: customerId }`, ready for per-subject storage. */
  subject: WebhookSubjectV1;
  /**
   * `<event id>:<customerId>`, so per-customer work can be made idempotent.
   * The id is the stored one: a retry is not handed on again, and a later
   * genuine notification with the same bytes gets its own id (`<key>.2`).
   */
  idempotencyKey: string;
}

/**
 * Splits a LABELS_UPDATE_NOTIFICATION into one item per updated customer
 * (in order, duplicates removed). The notification names no single object
 * and carries no time, so the envelope has no subject; fetch each
 * customer's labels (`GET` the customer's labels) for the new state.
 *
 * @example
 * webhooks.on('tradevest:LABELS_UPDATE_NOTIFICATION', async event => {
 *   for (const item of fanOutLabelsUpdate(event)) await refreshLabels(item.customerId);
 * });
 */
export function fanOutLabelsUpdate(event: {
  id: string;
  data: Pick<TradevestLabelsUpdateNotification, 'updatedCustomers'>;
}): TradevestLabelsUpdateItem[] {
  const customerIds = new Set(
    (event.data.updatedCustomers ?? []).filter(customerId => customerId !== ''),
  );
  return [...customerIds].map(customerId => ({
    customerId,
    subject: { type: 'customer', id: customerId },
    idempotencyKey: `${event.id}:${customerId}`,
  }));
}
