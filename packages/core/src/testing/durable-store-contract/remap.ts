// Stored events keep working when an adapter renames normalized types or
// subject types: `rewriteEvent` re-maps a row in place, in any state, and
// `remapStoredEvents` re-maps every stale row from its raw delivery, so
// `latestBySubject` and `deleteBySubject` find it under the new names.
import { expect, it } from 'vitest';
import { z } from 'zod';
import { defineWebhookAdapter } from '../../adapter/v1/define-webhook-adapter';
import { createRawWebhookRequest } from '../../adapter/v1/raw-webhook-request';
import { defineWebhookEvent } from '../../adapter/v1/webhook-event-definition';
import type { AnyWebhookEventV1 } from '../../envelope/v1/webhook-event-v1';
import type { DurableWebhookStore } from '../../store/durable-webhook-store';
import { remapStoredEvents } from '../../store/remap-stored-events';
import { signatureVerification } from '../../verify/verification';
import {
  type ContractContext,
  entry,
  key,
  makeEvent,
  makeInvalid,
  sameBytes,
} from './context';

const URL = 'https://hooks.example.com/webhooks/acme';
const VERIFIED = signatureVerification({ body: true });

const payloadSchema = z.looseObject({
  event: z.string(),
  id: z.string(),
  status: z.string(),
});

/**
 * An adapter before (`1`) and after (`2`) a vocabulary change:
 * `transaction.status_changed` about a `transaction` became
 * `payment.status_changed` about a `payment`, `account.blocked` became
 * `account.status_changed`; `customer.updated` did not change.
 */
function acmeAdapter(version: 1 | 2) {
  const payment = version === 1 ? 'transaction' : 'payment';
  return defineWebhookAdapter({
    provider: 'acme',
    events: {
      transaction_update: defineWebhookEvent({
        type: `${payment}.status_changed`,
        subjectType: payment,
        schema: payloadSchema,
        describe: data => ({
          subject: { type: payment, id: data.id },
          status: data.status,
        }),
      }),
      account_block: defineWebhookEvent({
        type: version === 1 ? 'account.blocked' : 'account.status_changed',
        subjectType: 'account',
        schema: payloadSchema,
        describe: data => ({
          subject: { type: 'account', id: data.id },
          status: data.status,
        }),
      }),
      customer_update: defineWebhookEvent({
        type: 'customer.updated',
        subjectType: 'customer',
        schema: payloadSchema,
        describe: data => ({ subject: { type: 'customer', id: data.id } }),
      }),
    },
    // The suite never sends live requests: every receive is a replay.
    authenticate: async () => {
      throw new Error('not a live adapter');
    },
    nativeType: (_request, body) => ({
      value: (body as { event: string }).event,
      from: 'body',
    }),
    identity: (_request, body) => ({
      source: 'provider_id',
      id: `${(body as { event: string }).event}:${(body as { id: string }).id}`,
    }),
  });
}

/** Receives `payload` with the old adapter and stores it as the router would. */
async function storeDelivery(
  store: DurableWebhookStore,
  payload: Record<string, unknown>,
  receivedAt: number,
): Promise<string> {
  const body = new TextEncoder().encode(JSON.stringify(payload));
  const headers = { 'content-type': 'application/json' };
  const result = await acmeAdapter(1).receive(
    createRawWebhookRequest({ url: URL, headers, body }),
    { alreadyVerified: VERIFIED, receivedAt: new Date(receivedAt) },
  );
  if (result.kind === 'handshake') throw new Error('unexpected handshake');
  const claimed = await store.claim({
    event: result.event,
    delivery: { method: 'POST', url: URL, headers, body },
  });
  return claimed.id;
}

function renamed(event: AnyWebhookEventV1): AnyWebhookEventV1 {
  return {
    ...event,
    type: 'payment.status_changed',
    nativeType: 'PAYMENT_STATUS',
    subject: { type: 'transfer', id: 'tr_9' },
    status: 'SETTLED',
    occurredAt: '2026-03-01T11:00:00.000Z',
  };
}

export function registerRemapTests(ctx: ContractContext): void {
  const { one } = ctx;

  it('rewrites a stored event in any state, keeping id, identity, state, attempts, lease and delivery', async () => {
    const store = await one();
    const pending = makeEvent({ id: 'r_pending' });
    const processed = makeEvent({ id: 'r_processed' });
    const quarantined = makeInvalid({ id: 'r_quarantined' });
    for (const event of [pending, processed, quarantined])
      await store.claim(entry(event));
    await store.fail(key(pending), new Error('boom'));
    await store.complete(key(processed));

    for (const event of [pending, processed, quarantined]) {
      const before = (await store.getEvent(key(event)))!;
      expect(await store.rewriteEvent(key(event), renamed(event))).toBe(true);
      const after = (await store.getEvent(key(event)))!;
      expect(after.event).toEqual(renamed(event));
      expect(after.event.identity).toEqual(before.event.identity);
      expect({ ...after, event: null }).toEqual({ ...before, event: null });
      expect(sameBytes(after.delivery.body, before.delivery.body)).toBe(true);
    }
    expect(
      (await store.listEvents({ type: 'payment.status_changed' })).events.map(
        row => row.id,
      ),
    ).toHaveLength(3);
    const subject = { provider: 'acme', subjectId: 'tr_9' };
    expect(
      await store.latestBySubject({ ...subject, subjectType: 'payment' }),
    ).toBeUndefined();
    expect(
      (await store.latestBySubject({ ...subject, subjectType: 'transfer' }))
        ?.event.status,
    ).toBe('SETTLED');
    expect(
      await store.deleteBySubject({
        provider: 'acme',
        subjectType: 'payment',
        subjectId: 'pay_1',
      }),
    ).toBe(0);
    // The stored identity keeps deduplicating.
    expect(await store.claim(entry(pending))).toEqual({
      status: 'duplicate',
      id: 'r_pending',
    });
    expect(
      await store.deleteBySubject({ ...subject, subjectType: 'transfer' }),
    ).toBe(3);
  });

  it('rewrites nothing for an unknown event and refuses another identity', async () => {
    const store = await one();
    const event = makeEvent({ id: 'r_1' });
    expect(await store.rewriteEvent(key(event), event)).toBe(false);
    await store.claim(entry(event));
    await expect(
      store.rewriteEvent(key(event), { ...event, id: 'r_2' }),
    ).rejects.toThrow(TypeError);
    expect((await store.getEvent(key(event)))?.event).toEqual(event);
  });

  it('re-maps events stored under renamed types and subjects from their raw deliveries', async () => {
    const store = await one();
    const payment = await storeDelivery(
      store,
      { event: 'transaction_update', id: 'pay_1', status: 'CAPTURED' },
      ctx.clock,
    );
    const account = await storeDelivery(
      store,
      { event: 'account_block', id: 'acc_1', status: 'LOCKED' },
      ctx.clock + 1000,
    );
    const customer = await storeDelivery(
      store,
      { event: 'customer_update', id: 'cus_1', status: 'x' },
      ctx.clock + 2000,
    );
    await store.complete({ provider: 'acme', id: payment });
    const before = (await store.getEvent({ provider: 'acme', id: payment }))!;
    expect(before.event.subject).toEqual({ type: 'transaction', id: 'pay_1' });

    const logged: unknown[] = [];
    const logger = {
      debug() {},
      info() {},
      warn: (fields: unknown) => logged.push(fields),
      error: (fields: unknown) => logged.push(fields),
    };
    // Pages of one: paging through the store while rewriting it.
    expect(
      await remapStoredEvents(store, [acmeAdapter(2)], {
        batchSize: 1,
        logger,
      }),
    ).toEqual({ scanned: 3, remapped: 2, failed: 0 });
    expect(logged).toEqual([]);

    const paymentSubject = {
      provider: 'acme',
      subjectType: 'payment',
      subjectId: 'pay_1',
    };
    const latest = await store.latestBySubject(paymentSubject);
    expect(latest).toMatchObject({
      id: payment,
      state: 'processed',
      attempts: before.attempts,
      lease: before.lease,
    });
    expect(latest?.event).toMatchObject({
      id: payment,
      identity: before.event.identity,
      type: 'payment.status_changed',
      nativeType: 'transaction_update',
      subject: { type: 'payment', id: 'pay_1' },
      status: 'CAPTURED',
      receivedAt: before.event.receivedAt,
    });
    expect(
      (await store.getEvent({ provider: 'acme', id: account }))?.event,
    ).toMatchObject({
      type: 'account.status_changed',
      subject: { type: 'account', id: 'acc_1' },
      status: 'LOCKED',
    });
    expect(
      (await store.getEvent({ provider: 'acme', id: customer }))?.event.type,
    ).toBe('customer.updated');
    // Idempotent: nothing is stale any more.
    expect(await remapStoredEvents(store, [acmeAdapter(2)])).toEqual({
      scanned: 3,
      remapped: 0,
      failed: 0,
    });
    // Erasure under the new subject type finds the event stored under the old one.
    expect(await store.deleteBySubject(paymentSubject)).toBe(1);
    expect(
      await store.getEvent({ provider: 'acme', id: payment }),
    ).toBeUndefined();
    // A retry of the old delivery is still a duplicate of the re-mapped event.
    expect(
      await storeDelivery(
        store,
        { event: 'account_block', id: 'acc_1', status: 'LOCKED' },
        ctx.clock + 3000,
      ),
    ).toBe(account);
  });

  it('leaves an event that cannot be re-mapped as it was, and keeps quarantined events quarantined', async () => {
    const store = await one();
    // Stale, but its stored body is not the JSON the adapter reads.
    const broken = makeEvent({
      id: 'broken',
      type: 'transaction.status_changed',
      nativeType: 'transaction_update',
      subject: { type: 'transaction', id: 'pay_2' },
    });
    await store.claim(entry(broken, new TextEncoder().encode('not json')));
    // Quarantined under the old type; its body now maps as a valid event.
    const quarantined = makeInvalid({
      id: 'quarantined',
      type: 'account.blocked',
      nativeType: 'account_block',
      subject: { type: 'account', id: 'acc_2' },
    });
    await store.claim(
      entry(
        quarantined,
        new TextEncoder().encode(
          JSON.stringify({ event: 'account_block', id: 'acc_2', status: 'L' }),
        ),
      ),
    );
    // Another provider's events are not read.
    await store.claim(entry(makeEvent({ id: 'other', provider: 'zeta' })));

    const logged: Record<string, unknown>[] = [];
    const result = await remapStoredEvents(store, [acmeAdapter(2)], {
      logger: {
        debug() {},
        info() {},
        warn: fields => logged.push(fields),
        error: fields => logged.push(fields),
      },
    });
    expect(result).toEqual({ scanned: 2, remapped: 1, failed: 1 });
    expect(logged).toEqual([
      expect.objectContaining({ provider: 'acme', eventId: 'broken' }),
    ]);
    expect((await store.getEvent(key(broken)))?.event).toEqual(broken);
    const kept = await store.getEvent(key(quarantined));
    expect(kept?.state).toBe('quarantined');
    expect(kept?.event).toMatchObject({
      type: 'account.status_changed',
      subject: { type: 'account', id: 'acc_2' },
      data: quarantined.data,
      issues: quarantined.issues,
    });
  });
}
