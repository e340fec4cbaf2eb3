// Limited versions of Dintero's shopping payloads (drafts and orders),
// focussed on what the mapping reads; unknown keys are kept.
import type { KnownFields } from '@finhooks/core';
import * as z from 'zod/mini';
import {
  hookEnvelopeShape,
  optionalText,
  timestampsShape,
} from './dintero-event-helpers';

/** `shopping_draft_add` / `_update` / `_complete`. */
export const dinteroShoppingDraftEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  order: z.nullish(
    z.looseObject({
      order_id: optionalText,
      order_number: optionalText,
      currency: optionalText,
    }),
  ),
  ...timestampsShape,
});

/** `shopping_order_update` / `_event_add` / `_delete`: the order itself. */
export const dinteroShoppingOrderEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  order_id: optionalText,
  order_number: optionalText,
  status: optionalText,
  ...timestampsShape,
});

/** Payload of `shopping_draft_add` / `_update` / `_complete`. */
export type DinteroShoppingDraftEvent = KnownFields<
  z.output<typeof dinteroShoppingDraftEventSchema>
>;
/** Payload of `shopping_order_update` / `_event_add` / `_delete`. */
export type DinteroShoppingOrderEvent = KnownFields<
  z.output<typeof dinteroShoppingOrderEventSchema>
>;
