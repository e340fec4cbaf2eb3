import { describe, expect, it, vi } from 'vitest';
import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import { EventInProgressError } from '../errors/event-in-progress-error';
import { HandlerError } from '../errors/handler-error';
import { MethodNotAllowedError } from '../errors/method-not-allowed-error';
import { RouteNotFoundError } from '../errors/route-not-found-error';
import { StoreError } from '../errors/store-error';
import { SignatureVerificationError } from '../errors/signature-verification-error';
import { createMemoryStore } from '../store/memory-store';
import { createFakeAdapter, signFakeRequest } from '../testing/fake-adapter';
import { createFakeDurableStore } from '../testing/fake-durable-store';
import { createWebhooks } from './create-webhooks';

const secret = 'whsec_test';
const url = 'https://hooks.example.com/webhooks/fake';
const customer = (id = 'evt_1') =>
  signFakeRequest(
    createRawWebhookRequest({
      url,
      body: JSON.stringify({
        id,
        type: 'customer.update',
        customer: { id: 'cus_1' },
      }),
    }),
    { secret },
  );
function setup(store = createMemoryStore()) {
  return createWebhooks({ adapters: [createFakeAdapter({ secret })], store });
}

describe('createWebhooks', () => {
  it('should run every handler whose pattern matches, in order', async () => {
    const webhooks = setup();
    const calls: string[] = [];
    webhooks.on('customer.updated', () => void calls.push('type'));
    webhooks.on('customer.*', () => void calls.push('resource'));
    webhooks.on('fake:customer.update', () => void calls.push('native'));
    webhooks.on('*', () => void calls.push('star'));
    webhooks.onAny(() => void calls.push('any'));
    webhooks.on('payment.*', () => void calls.push('payment'));
    webhooks.on(
      'fake:payment.captured',
      () => void calls.push('payment-native'),
    );
    const outcome = await webhooks.receive('fake', await customer());
    expect(outcome.status).toBe('accepted');
    expect(calls).toEqual(['type', 'resource', 'native', 'star', 'any']);
  });

  it('should match a normalized status after #', async () => {
    const webhooks = setup();
    const calls: string[] = [];
    webhooks.on('customer.updated#inactive', () => void calls.push('inactive'));
    webhooks.on('customer.*#active', () => void calls.push('active'));
    const deliver = async (id: string, status: string) =>
      webhooks.receive(
        'fake',
        await signFakeRequest(
          createRawWebhookRequest({
            url,
            body: JSON.stringify({
              id,
              type: 'customer.update',
              customer: { id: 'cus_1', status },
            }),
          }),
          { secret },
        ),
      );
    await deliver('e1', 'ACTIVE');
    await deliver('e2', 'INACTIVE');
    await deliver('e3', 'SUSPENDED_FOR_REVIEW'); // unmapped: no normalized status
    expect(calls).toEqual(['active', 'inactive']);
  });

  it('should stop calling a handler after unsubscribe', async () => {
    const webhooks = setup();
    const handler = vi.fn();
    const off = webhooks.on('customer.updated', handler);
    off();
    await webhooks.receive('fake', await customer());
    expect(handler).not.toHaveBeenCalled();
  });

  it('should run all handlers even when some fail, and collect their errors', async () => {
    const webhooks = setup();
    const after = vi.fn();
    const onError = vi.fn();
    webhooks.on('*', () => {
      throw new Error('first');
    });
    webhooks.on('*', async () => {
      throw new Error('second');
    });
    webhooks.on('*', after);
    webhooks.onError(onError);
    const error = await webhooks
      .receive('fake', await customer())
      .catch((caught: unknown) => caught);
    expect(HandlerError.isInstance(error)).toBe(true);
    expect(
      (error as HandlerError).errors.map(e => (e as Error).message),
    ).toEqual(['first', 'second']);
    expect(after).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]?.[1]).toMatchObject({
      provider: 'fake',
      event: { id: 'evt_1' },
    });
  });

  it('should run no handler twice for a duplicate, and retry after a failure', async () => {
    const webhooks = setup();
    let failures = 1;
    const handler = vi.fn(() => {
      if (failures-- > 0) throw new Error('transient');
    });
    webhooks.on('customer.updated', handler);
    await expect(webhooks.receive('fake', await customer())).rejects.toThrow(
      'transient',
    );
    // The provider retries the same delivery: the claim was released.
    await expect(
      webhooks.receive('fake', await customer()),
    ).resolves.toMatchObject({ status: 'accepted' });
    await expect(
      webhooks.receive('fake', await customer()),
    ).resolves.toMatchObject({ status: 'duplicate' });
    expect(handler).toHaveBeenCalledTimes(2);
    // Another event id is not a duplicate.
    await expect(
      webhooks.receive('fake', await customer('evt_2')),
    ).resolves.toMatchObject({ status: 'accepted' });
  });

  it('should answer a concurrent duplicate with EventInProgressError', async () => {
    const webhooks = setup();
    let release: () => void = () => {};
    webhooks.on(
      'customer.updated',
      () => new Promise<void>(resolve => (release = resolve)),
    );
    const first = webhooks.receive('fake', await customer());
    await new Promise(resolve => setTimeout(resolve, 10));
    const second = await webhooks
      .receive('fake', await customer())
      .catch((caught: unknown) => caught);
    expect(EventInProgressError.isInstance(second)).toBe(true);
    release();
    await expect(first).resolves.toMatchObject({ status: 'accepted' });
  });

  it('should hand invalid payloads to onInvalid only, and unknown types to pattern handlers', async () => {
    const webhooks = setup();
    const any = vi.fn();
    const invalid = vi.fn();
    webhooks.onAny(any);
    webhooks.onInvalid(invalid);
    const bad = await signFakeRequest(
      createRawWebhookRequest({
        url,
        body: JSON.stringify({ type: 'customer.update', customer: {} }),
      }),
      { secret },
    );
    await expect(webhooks.receive('fake', bad)).resolves.toMatchObject({
      status: 'accepted',
      invalid: true,
    });
    expect(invalid).toHaveBeenCalledOnce();
    expect(any).not.toHaveBeenCalled();
    const unknown = await signFakeRequest(
      createRawWebhookRequest({
        url,
        body: JSON.stringify({ type: 'new.thing' }),
      }),
      { secret },
    );
    const unknownHandler = vi.fn();
    webhooks.on('fake.unknown', unknownHandler);
    await webhooks.receive('fake', unknown);
    expect(unknownHandler).toHaveBeenCalledOnce();
    expect(any).toHaveBeenCalledOnce();
  });

  it('should answer handshakes without business handlers unless asked', async () => {
    const webhooks = setup();
    const any = vi.fn();
    const handshake = vi.fn();
    webhooks.onAny(any);
    webhooks.onHandshake(handshake);
    const ping = await signFakeRequest(
      createRawWebhookRequest({ url, body: JSON.stringify({ type: 'ping' }) }),
      { secret },
    );
    await expect(webhooks.receive('fake', ping)).resolves.toMatchObject({
      status: 'handshake',
    });
    expect(any).not.toHaveBeenCalled();
    expect(handshake).toHaveBeenCalledWith(
      expect.objectContaining({ nativeType: 'ping' }),
    );
  });

  it('should refuse unknown providers, wrong methods and bad signatures, reporting them', async () => {
    const webhooks = setup();
    const onError = vi.fn();
    webhooks.onError(onError);
    const request = await customer();
    expect(
      RouteNotFoundError.isInstance(
        await webhooks.receive('nope', request).catch(e => e),
      ),
    ).toBe(true);
    const get = createRawWebhookRequest({ url, method: 'GET' });
    const methodError = await webhooks.receive('fake', get).catch(e => e);
    expect(MethodNotAllowedError.isInstance(methodError)).toBe(true);
    expect((methodError as MethodNotAllowedError).allowed).toEqual(['POST']);
    const forged = await signFakeRequest(
      createRawWebhookRequest({ url, body: '{"type":"ping"}' }),
      { secret: 'other' },
    );
    expect(
      SignatureVerificationError.isInstance(
        await webhooks.receive('fake', forged).catch(e => e),
      ),
    ).toBe(true);
    expect(onError).toHaveBeenCalledTimes(3);
  });

  it('should refuse two adapters for one provider', () => {
    expect(() =>
      createWebhooks({
        adapters: [
          createFakeAdapter({ secret }),
          createFakeAdapter({ secret }),
        ],
      }),
    ).toThrow(/Two adapters/);
  });

  it('should turn a store failure into StoreError (500) and run no handler', async () => {
    const store = {
      ...createMemoryStore(),
      claim: async () => Promise.reject(new Error('disk full')),
    };
    const webhooks = setup(store);
    const handler = vi.fn();
    webhooks.onAny(handler);
    const error = await webhooks
      .receive('fake', await customer())
      .catch(e => e);
    expect(StoreError.isInstance(error)).toBe(true);
    expect(handler).not.toHaveBeenCalled();
  });

  describe('with a durable store', () => {
    it('should acknowledge once stored, run handlers after, and record the failure for retry', async () => {
      const store = createFakeDurableStore();
      const background: Promise<unknown>[] = [];
      const webhooks = createWebhooks({
        adapters: [createFakeAdapter({ secret })],
        store,
        waitUntil: p => void background.push(p),
      });
      webhooks.on('customer.updated', () => {
        throw new Error('handler down');
      });
      await expect(
        webhooks.receive('fake', await customer()),
      ).resolves.toMatchObject({ status: 'accepted' });
      await Promise.all(background);
      expect(store.rows.get('fake:evt_1')).toMatchObject({
        state: 'pending',
        lastError: expect.stringContaining('handler down'),
      });
      await expect(
        webhooks.receive('fake', await customer()),
      ).resolves.toMatchObject({ status: 'duplicate' });
    });

    it('should keep invalid payloads quarantined with their raw delivery', async () => {
      const store = createFakeDurableStore();
      const webhooks = createWebhooks({
        adapters: [createFakeAdapter({ secret })],
        store,
      });
      const bad = await signFakeRequest(
        createRawWebhookRequest({
          url,
          body: JSON.stringify({ id: 'bad_1', type: 'customer.update' }),
        }),
        { secret },
      );
      await webhooks.receive('fake', bad);
      await new Promise(resolve => setTimeout(resolve, 0));
      const row = store.rows.get('fake:bad_1');
      expect(row?.state).toBe('quarantined');
      expect(new TextDecoder().decode(row?.delivery.body)).toBe(
        '{"id":"bad_1","type":"customer.update"}',
      );
      // A stored MAC would let whoever reads the store test secret guesses.
      expect(row?.delivery.headers['x-fake-signature']).toBeUndefined();
      expect(row?.event.authenticity.body).toBe(true);
    });
  });
});
