import { defineWebhookEvent } from '@finhooks/core';
import { lastChange, subjectOf } from './dintero-event-helpers';
import {
  dinteroShoppingDraftEventSchema,
  dinteroShoppingOrderEventSchema,
  type DinteroShoppingDraftEvent,
  type DinteroShoppingOrderEvent,
} from './dintero-shopping-schemas';

const draft = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroShoppingDraftEventSchema,
    describe: (data: DinteroShoppingDraftEvent) => ({
      subject: subjectOf('draft', data.id),
      occurredAt: lastChange(data),
    }),
  });
const order = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroShoppingOrderEventSchema,
    describe: (data: DinteroShoppingOrderEvent) => ({
      subject: subjectOf('order', data.order_id, data.id),
      status: data.status,
      occurredAt: lastChange(data),
    }),
  });

/** Shopping drafts and orders. */
export const dinteroShoppingEvents = {
  shopping_draft_add: draft('draft.created'),
  shopping_draft_update: draft('draft.updated'),
  shopping_draft_complete: draft('draft.completed'),
  shopping_order_update: order('order.updated'),
  // An order event (e.g. a fulfilment step) added to the order.
  shopping_order_event_add: order('order.updated'),
  shopping_order_delete: order('order.deleted'),
};
