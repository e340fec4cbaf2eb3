import {
  FinhooksError,
  isUnknownWebhookEvent,
  type VerifyWebhookOptions,
  type WebhookInput,
  type WebhookReceiveResultV1,
} from '@finhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createDinteroAdapter,
  verifyDinteroWebhook,
  type DinteroAdapterSettings,
  type DinteroEvent,
} from './index';

const checkout = { secret: 'checkout-secret', accountId: 'T12345678' };
declare const maybeSecret: string | undefined;
declare const request: Request;

describe('DinteroAdapterSettings', () => {
  it('should accept either mechanism, both, and resolvers', () => {
    createDinteroAdapter({ secret: 'hooks-secret' });
    createDinteroAdapter({ secret: ['new-secret', 'old-secret'] });
    createDinteroAdapter({ secret: () => undefined });
    createDinteroAdapter({ checkout });
    createDinteroAdapter({ secret: 'hooks-secret', checkout });
    createDinteroAdapter({
      checkout: { ...checkout, secret: ({ accountId }) => accountId },
      dedupWindowMs: 60_000,
    });
  });

  it('should reject settings without a mechanism at compile time', () => {
    // @ts-expect-error: neither `secret` nor `checkout`
    createDinteroAdapter({});
    // @ts-expect-error: only options, no mechanism
    createDinteroAdapter({ dedupWindowMs: 60_000 });
    // @ts-expect-error: a possibly missing secret (e.g. process.env) is no secret
    createDinteroAdapter({ secret: maybeSecret });
    // @ts-expect-error: explicitly undefined mechanisms
    createDinteroAdapter({ secret: undefined, checkout: undefined });
    // @ts-expect-error: a callback secret without the account id it is signed for
    createDinteroAdapter({ checkout: { secret: 'checkout-secret' } });
    // @ts-expect-error: the same for the one-call verify
    void verifyDinteroWebhook(request, {});
  });

  it('should be the union of the valid shapes', () => {
    expectTypeOf<{
      dedupWindowMs: number;
    }>().not.toExtend<DinteroAdapterSettings>();
    expectTypeOf<{ secret: string }>().toExtend<DinteroAdapterSettings>();
    expectTypeOf<{
      checkout: typeof checkout;
    }>().toExtend<DinteroAdapterSettings>();
  });
});

describe('verifyDinteroWebhook', () => {
  it('should take a Request or a raw delivery and return the typed result', () => {
    expectTypeOf(verifyDinteroWebhook).parameters.toEqualTypeOf<
      [
        Request | WebhookInput,
        DinteroAdapterSettings,
        (VerifyWebhookOptions | undefined)?,
      ]
    >();
    expectTypeOf(verifyDinteroWebhook).returns.toEqualTypeOf<
      Promise<WebhookReceiveResultV1<DinteroEvent>>
    >();
    void verifyDinteroWebhook(
      {
        body: '{}',
        headers: { 'event-signature': ['a', 'b'], event: undefined },
        url: 'https://shop.example.com/webhooks/dintero',
      },
      { secret: 'hooks-secret' },
      { maxBodyBytes: 1024 },
    );
  });
});

describe('README: verifyDinteroWebhook recipe', () => {
  it('should compile as documented', () => {
    const settings: DinteroAdapterSettings = {
      secret: process.env.DINTERO_WEBHOOK_SECRET!,
    };
    async function POST(request: Request): Promise<Response> {
      try {
        const result = await verifyDinteroWebhook(request, settings);
        if (result.kind === 'event') {
          const { event } = result;
          expectTypeOf(event.authenticity.body).toEqualTypeOf<boolean>();
          if (
            !isUnknownWebhookEvent(event) &&
            event.nativeType === 'checkout_transaction'
          ) {
            expectTypeOf(event.data.transaction?.status).toEqualTypeOf<
              string | null | undefined
            >();
          }
        }
        return new Response(null, { status: 200 });
      } catch (error) {
        if (FinhooksError.isInstance(error))
          return new Response(null, { status: error.httpStatus });
        throw error;
      }
    }
    expectTypeOf(POST).returns.resolves.toEqualTypeOf<Response>();
  });
});
