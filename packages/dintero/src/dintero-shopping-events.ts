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
    describe: describeDraft,
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

function describeDraft(data: DinteroShoppingDraftEvent) {
  return {
    subject: subjectOf('draft', data.id),
    occurredAt: lastChange(data),
  };
}

/** Shopping drafts and orders. */
export const dinteroShoppingEvents = {
  shopping_draft_add: draft('draft.created'),
  shopping_draft_update: draft('draft.updated'),
  // Completing a draft (it becomes an order) is the draft's final status;
  // the event names it, so it is \`succeeded\` whatever the payload says.
  shopping_draft_complete: defineWebhookEvent({
    type: 'draft.status_changed',
    normalizedStatus: 'succeeded',
    schema: dinteroShoppingDraftEventSchema,
    describe: describeDraft,
  }),
  // Order statuses are not documented ("status": "string"): the raw
  // \`status\` passes through undecided.
  shopping_order_update: order('order.updated'),
  // An order event (e.g. a fulfilment step) added to the order: the order
  // changed; no status transition is documented as its point.
  shopping_order_event_add: order('order.updated'),
  shopping_order_delete: order('order.deleted'),
};
