import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineWebhookAdapter } from '../adapter/v1/define-webhook-adapter';
import { defineWebhookEvent } from '../adapter/v1/webhook-event-definition';
import type {
  InvalidWebhookEventV1,
  WebhookEventV1,
} from '../envelope/v1/webhook-event-v1';
import { isUnknownWebhookEvent } from '../envelope/v1/is-unknown-webhook-event';
import { credentialsVerification } from '../verify/verification';
import { createWebhooks } from './create-webhooks';

const bank = defineWebhookAdapter({
  provider: 'bank',
  authenticate: async () => ({ verification: credentialsVerification() }),
  nativeType: () => ({ value: '', from: 'body' }),
  events: {
    BOOKING: defineWebhookEvent({
      type: 'booking.created',
      schema: z.object({ booking_id: z.string(), amount: z.number() }),
    }),
    CARD_BLOCK: defineWebhookEvent({
      type: 'card.blocked',
      schema: z.object({ card_id: z.string() }),
    }),
  },
});
const shop = defineWebhookAdapter({
  provider: 'shop',
  authenticate: async () => ({ verification: credentialsVerification() }),
  nativeType: () => ({ value: '', from: 'body' }),
  events: {
    payment_update: defineWebhookEvent({
      type: 'payment.status_changed',
      schema: z.object({ payment: z.object({ id: z.string() }) }),
    }),
    card_update: defineWebhookEvent({
      type: 'card.blocked',
      schema: z.object({ card: z.string() }),
    }),
  },
});
const webhooks = createWebhooks({ adapters: [bank, shop] });

describe('router pattern narrowing', () => {
  it('should type data exactly for a normalized type', () => {
    webhooks.on('booking.created', event => {
      expectTypeOf(event.provider).toEqualTypeOf<'bank'>();
      expectTypeOf(event.nativeType).toEqualTypeOf<'BOOKING'>();
      expectTypeOf(event.data).toEqualTypeOf<{
        booking_id: string;
        amount: number;
      }>();
    });
  });

  it('should union the events sharing a normalized type across providers', () => {
    webhooks.on('card.blocked', event => {
      expectTypeOf(event.provider).toEqualTypeOf<'bank' | 'shop'>();
      if (event.provider === 'shop')
        expectTypeOf(event.data).toEqualTypeOf<{ card: string }>();
      else expectTypeOf(event.data).toEqualTypeOf<{ card_id: string }>();
    });
  });

  it('should narrow a resource wildcard', () => {
    webhooks.on('payment.*', event => {
      expectTypeOf(event.type).toEqualTypeOf<'payment.status_changed'>();
      expectTypeOf(event.data.payment.id).toBeString();
    });
  });

  it('should narrow provider:nativeType', () => {
    webhooks.on('bank:CARD_BLOCK', event => {
      expectTypeOf(event.data).toEqualTypeOf<{ card_id: string }>();
    });
    // A native type the adapter does not know is a typo, not a pattern;
    // new types are matched with '<provider>.unknown'.
    // @ts-expect-error not a known native type
    webhooks.on('bank:SOMETHING_NEW', () => {});
    webhooks.on('bank.unknown', event => {
      expectTypeOf(event.nativeType).toBeString();
      expectTypeOf(event.data).toBeUnknown();
    });
  });

  it('should give the whole union to *, narrowable by type and nativeType', () => {
    webhooks.on('*', event => {
      expectTypeOf(event).toExtend<WebhookEventV1>();
      if (event.type === 'booking.created')
        expectTypeOf(event.data.amount).toBeNumber();
      if (isUnknownWebhookEvent(event)) {
        expectTypeOf(event.type).toEqualTypeOf<
          'bank.unknown' | 'shop.unknown'
        >();
        expectTypeOf(event.data).toBeUnknown();
        return;
      }
      // With unknown events ruled out, the native type alone narrows data.
      if (event.nativeType === 'payment_update') {
        expectTypeOf(event.provider).toEqualTypeOf<'shop'>();
        expectTypeOf(event.data).toEqualTypeOf<{ payment: { id: string } }>();
      }
    });
    webhooks.onInvalid(event => {
      expectTypeOf(event).toEqualTypeOf<
        InvalidWebhookEventV1<'bank' | 'shop'>
      >();
    });
  });

  it('should narrow a normalized status across providers', () => {
    webhooks.on('payment.status_changed#failed', event => {
      expectTypeOf(event.normalizedStatus).toEqualTypeOf<'failed'>();
      expectTypeOf(event.provider).toEqualTypeOf<'shop'>();
      expectTypeOf(event.data.payment.id).toBeString();
    });
    webhooks.on('card.*#blocked', event => {
      expectTypeOf(event.normalizedStatus).toEqualTypeOf<'blocked'>();
      expectTypeOf(event.provider).toEqualTypeOf<'bank' | 'shop'>();
    });
    // @ts-expect-error not a normalized status
    webhooks.on('payment.status_changed#FAILED', () => {});
  });

  it('should refuse patterns that match nothing', () => {
    // @ts-expect-error not a normalized type of these adapters
    webhooks.on('customer.updated', () => {});
    // @ts-expect-error no such resource
    webhooks.on('order.*', () => {});
    // @ts-expect-error unknown provider
    webhooks.on('stripe:charge.succeeded', () => {});
  });
});

describe('tolerant payload types', () => {
  const loose = defineWebhookAdapter({
    provider: 'loose',
    authenticate: async () => ({ verification: credentialsVerification() }),
    nativeType: () => ({ value: '', from: 'body' }),
    events: {
      PAYMENT: defineWebhookEvent({
        type: 'payment.status_changed',
        schema: z.looseObject({
          amount: z.looseObject({ value: z.number(), currency: z.string() }),
          items: z.array(z.looseObject({ sku: z.string() })),
        }),
      }),
    },
  });
  const router = createWebhooks({ adapters: [loose] });

  it('should reject a misspelled field although unknown keys are kept at runtime', () => {
    router.on('loose:PAYMENT', event => {
      expectTypeOf(event.data.amount.value).toBeNumber();
      expectTypeOf(event.data.items[0]!.sku).toBeString();
      // @ts-expect-error misspelled: no index signature to hide it
      void event.data.amount.valeu;
      // @ts-expect-error misspelled inside an array item
      void event.data.items[0]!.skuu;
    });
  });
});
