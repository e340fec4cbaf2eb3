import { describe, expect, it } from 'vitest';
import { createFakeAdapter, signFakeRequest } from '../../testing/fake-adapter';
import { z } from 'zod';
import {
  credentialsVerification,
  signatureVerification,
} from '../../verify/verification';
import {
  DEFAULT_CONTENT_WINDOW_MS,
  defineWebhookAdapter,
} from './define-webhook-adapter';
import { createRawWebhookRequest } from './raw-webhook-request';
import { defineWebhookEvent } from './webhook-event-definition';
import { redactHeaders } from './redact-headers';
import { lastPathSegment } from './request-helpers';

const secret = 'whsec_test';
const adapter = createFakeAdapter({ secret });
const url = 'https://test.example.com/webhooks/fake';
const signed = (body: string, headers: Record<string, string> = {}) =>
  signFakeRequest(createRawWebhookRequest({ url, headers, body }), { secret });

describe('defineWebhookAdapter', () => {
  it('should map a valid payload with facts from describe and the delivery', async () => {
    const receivedAt = new Date('2026-11-26T10:00:00Z');
    const request = await signed(
      JSON.stringify({
        type: 'payment.captured',
        payment: {
          id: 'pay_1',
          amount: 100,
          at: '2026-11-26T09:59:00+01:00',
          extra: true,
        },
      }),
    );
    const result = await adapter.receive(request, { receivedAt });
    expect(result).toMatchObject({
      kind: 'event',
      event: {
        type: 'payment.status_changed',
        nativeType: 'payment.captured',
        subject: { type: 'payment', id: 'pay_1' },
        status: 'CAPTURED',
        occurredAt: '2026-11-26T08:59:00.000Z',
        receivedAt: '2026-11-26T10:00:00.000Z',
        livemode: false,
      },
    });
    // Tolerant schemas keep fields the mapping does not read.
    expect(
      result.kind === 'event' &&
        (result.event.data as { payment: { extra: boolean } }).payment.extra,
    ).toBe(true);
  });

  it('should return an authentic payload that fails its schema as invalid, with issues', async () => {
    const result = await adapter.receive(
      await signed(
        JSON.stringify({
          type: 'payment.captured',
          payment: { id: 'pay_1', amount: 1.5 },
        }),
      ),
    );
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.event.type).toBe('payment.status_changed');
    expect(result.event.issues.map(issue => issue.path.join('.'))).toEqual([
      'payment.amount',
      'payment.at',
    ]);
    expect(result.event.data).toEqual({
      type: 'payment.captured',
      payment: { id: 'pay_1', amount: 1.5 },
    });
  });

  it('should deliver unknown types as <provider>.unknown with the raw data', async () => {
    const result = await adapter.receive(
      await signed(JSON.stringify({ type: 'toString', x: 1 })),
    );
    expect(result.kind === 'event' && result.event.type).toBe('fake.unknown');
    expect(result.kind === 'event' && result.event.data).toEqual({
      type: 'toString',
      x: 1,
    });
  });

  it('should take the identity from the signed provider id, else from the content', async () => {
    const body = JSON.stringify({
      type: 'customer.update',
      customer: { id: 'c' },
    });
    const withId = await adapter.receive(
      await signed(
        JSON.stringify({
          id: 'evt_9',
          type: 'customer.update',
          customer: { id: 'c' },
        }),
      ),
    );
    const first = await adapter.receive(await signed(body));
    const second = await adapter.receive(await signed(body));
    expect(withId.kind === 'event' && withId.event.identity).toEqual({
      source: 'provider_id',
      key: 'evt_9',
    });
    expect(withId.kind === 'event' && withId.event.id).toBe('evt_9');
    expect(first.kind === 'event' && first.event.identity).toMatchObject({
      source: 'content',
      key: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      windowMs: DEFAULT_CONTENT_WINDOW_MS,
    });
    expect(
      first.kind === 'event' &&
        second.kind === 'event' &&
        first.event.id === second.event.id,
    ).toBe(true);
  });

  it('should hash signed material into the key, so an unsigned header cannot change it', async () => {
    const material = defineWebhookAdapter({
      provider: 'material',
      events: {},
      authenticate: async () => ({
        verification: signatureVerification({ url: true }),
      }),
      parseBody: () => ({}),
      nativeType: () => ({ value: 'callback', from: 'url' }),
      identity: request => ({
        source: 'signed_material',
        material: new URL(request.url).search,
      }),
    });
    const receive = (headers: Record<string, string>) =>
      material.receive(
        createRawWebhookRequest({ url: `${url}?tx=1`, headers, method: 'GET' }),
      );
    const first = await receive({ 'event-delivery': 'a' });
    const replay = await receive({ 'event-delivery': 'b' });
    expect(first.kind === 'event' && first.event.identity.source).toBe(
      'signed_material',
    );
    expect(first.kind === 'event' && first.event.id).toBe(
      replay.kind === 'event' && replay.event.id,
    );
  });

  it('should flag which parts were authenticated from what the check covered', async () => {
    const result = await adapter.receive(
      await signed(
        JSON.stringify({ type: 'customer.update', customer: { id: 'c' } }),
      ),
    );
    expect(result.kind === 'event' && result.event.authenticity).toEqual({
      scheme: 'signature',
      body: true,
      type: true,
      subject: true,
      timestamp: true,
      url: false,
      headers: [],
    });
  });

  it('should flag a type or subject read from an unsigned header as unauthenticated', async () => {
    const headerTyped = defineWebhookAdapter({
      provider: 'headers',
      events: {
        thing: defineWebhookEvent({
          type: 'thing.created',
          schema: z.looseObject({}),
        }),
      },
      authenticate: async () => ({
        verification: signatureVerification({
          body: true,
          headers: ['x-signed'],
        }),
      }),
      nativeType: request => ({
        value: request.headers.get('x-type') ?? '',
        from: 'header:x-type',
      }),
      describeDelivery: request => ({
        subject: { type: 'thing', id: request.headers.get('x-entity') ?? '' },
        subjectFrom: 'header:x-entity',
      }),
    });
    const result = await headerTyped.receive(
      createRawWebhookRequest({
        url,
        body: '{}',
        headers: { 'x-type': 'thing', 'x-entity': 'ent_1' },
      }),
    );
    expect(result.kind === 'event' && result.event.authenticity).toMatchObject({
      body: true,
      type: false,
      subject: false,
    });
  });

  it('should warn about an unparseable timestamp instead of dropping it silently', async () => {
    const result = await adapter.receive(
      await signed(
        JSON.stringify({
          type: 'payment.captured',
          payment: { id: 'pay_1', amount: 100, at: 'yesterday-ish' },
        }),
      ),
    );
    expect(result.kind === 'event' && result.event.occurredAt).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'compatibility',
        message: expect.stringContaining('yesterday-ish') as string,
      }),
    ]);
  });

  it('should never hand a handshake secret to the application', async () => {
    const result = await adapter.receive(
      await signed(
        JSON.stringify({
          type: 'ping',
          config: { secret: 'whsec_subscription', url: 'https://x.test' },
        }),
      ),
    );
    expect(result.kind).toBe('handshake');
    expect(JSON.stringify(result)).not.toContain('whsec_subscription');
  });

  it('should verify before parsing: a non-JSON unsigned body is a 401, not a 400', async () => {
    const request = createRawWebhookRequest({ url, body: 'not json' });
    await expect(adapter.receive(request)).rejects.toMatchObject({
      httpStatus: 401,
    });
  });

  it('should skip authentication only for an explicit replay', async () => {
    const request = createRawWebhookRequest({
      url,
      body: JSON.stringify({ type: 'customer.update', customer: { id: 'c' } }),
    });
    await expect(adapter.receive(request)).rejects.toMatchObject({
      code: 'header_missing',
    });
    const recorded = signatureVerification({ body: true, timestamp: true });
    await expect(
      adapter.receive(request, { alreadyVerified: recorded }),
    ).resolves.toMatchObject({
      kind: 'event',
      event: {
        authenticity: { scheme: 'signature', body: true, timestamp: true },
      },
    });
  });

  it('should quarantine an event whose mapping throws instead of losing it', async () => {
    const throwing = defineWebhookAdapter({
      provider: 'throwing',
      events: {
        thing: defineWebhookEvent({
          type: 'thing.created',
          schema: z.looseObject({}),
          describe: () => {
            throw new Error('mapping bug');
          },
        }),
      },
      authenticate: async () => ({ verification: credentialsVerification() }),
      nativeType: () => ({ value: 'thing', from: 'body' }),
    });
    const result = await throwing.receive(
      createRawWebhookRequest({ url, body: '{}' }),
    );
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.event.issues[0]).toMatchObject({
      code: 'mapping_failed',
      message: 'Error: mapping bug',
    });
  });
});

describe('normalized statuses from the definition', () => {
  const statusAdapter = defineWebhookAdapter({
    provider: 'bank',
    events: {
      TRANSFER: defineWebhookEvent({
        type: 'payment.status_changed',
        statuses: {
          EXECUTED: 'succeeded',
          DECLINED: 'failed',
          ODD: 'unmapped',
        },
        schema: z.looseObject({ id: z.string(), status: z.string() }),
        describe: data => ({
          subject: { type: 'payment', id: data.id },
          status: data.status,
        }),
      }),
      TRANSFER_DECLINED: defineWebhookEvent({
        type: 'payment.status_changed',
        // An exception docs/vocabulary.md would have to name.
        subjectType: 'transfer',
        normalizedStatus: 'failed',
        schema: z.looseObject({ id: z.string(), status: z.string() }),
        describe: data => ({ status: data.status }),
      }),
    },
    authenticate: async () => ({ verification: credentialsVerification() }),
    nativeType: (_request, body) => ({
      value: String((body as { kind: string }).kind),
      from: 'body',
    }),
  });
  const receive = (kind: string, status: string) =>
    statusAdapter.receive(
      createRawWebhookRequest({
        url,
        body: JSON.stringify({ kind, id: 'tr_1', status }),
      }),
    );

  it('should look the provider spelling up in the decisions', async () => {
    const result = await receive('TRANSFER', 'DECLINED');
    expect(result.kind === 'event' && result.event).toMatchObject({
      status: 'DECLINED',
      normalizedStatus: 'failed',
    });
  });

  it('should leave an unmapped or undocumented value without a normalized status, and warn about the undocumented one', async () => {
    const unmapped = await receive('TRANSFER', 'ODD');
    expect(unmapped.kind === 'event' && unmapped.event.normalizedStatus).toBe(
      undefined,
    );
    expect(unmapped.warnings).toEqual([]);
    const undocumented = await receive('TRANSFER', 'NEW_STATE');
    expect(
      undocumented.kind === 'event' && undocumented.event.normalizedStatus,
    ).toBe(undefined);
    expect(undocumented.warnings[0]?.message).toContain('NEW_STATE');
  });

  it('should let the type win when it names the new state', async () => {
    const result = await receive('TRANSFER_DECLINED', 'ACCEPTED');
    expect(result.kind === 'event' && result.event).toMatchObject({
      status: 'ACCEPTED',
      normalizedStatus: 'failed',
    });
  });

  it('should publish its catalogue, the subject type defaulting to the noun', () => {
    expect(statusAdapter.catalogue).toEqual([
      {
        nativeType: 'TRANSFER',
        type: 'payment.status_changed',
        subjectType: 'payment',
        statuses: {
          EXECUTED: 'succeeded',
          DECLINED: 'failed',
          ODD: 'unmapped',
        },
      },
      {
        nativeType: 'TRANSFER_DECLINED',
        type: 'payment.status_changed',
        subjectType: 'transfer',
        normalizedStatus: 'failed',
      },
    ]);
  });
});

describe('delivery facts', () => {
  const adapter = defineWebhookAdapter({
    provider: 'facts',
    events: {
      thing: defineWebhookEvent({
        type: 'thing.created',
        schema: z.looseObject({}),
      }),
    },
    // The account whose secret matched is only known while verifying.
    authenticate: async () => ({
      account: 'P00000001',
      livemode: true,
      verification: credentialsVerification(),
    }),
    nativeType: () => ({ value: 'thing', from: 'body' }),
    describeDelivery: () => ({
      account: 'from-body',
      delivery: { attempt: 2 },
      warnings: [{ type: 'compatibility', message: 'old header spelling' }],
    }),
  });
  const request = createRawWebhookRequest({ url, body: '{}' });

  it('should let facts learned while verifying override the delivery facts', async () => {
    const result = await adapter.receive(request);
    expect(result.kind === 'event' && result.event).toMatchObject({
      account: 'P00000001',
      livemode: true,
      delivery: { attempt: 2 },
    });
    expect(result.warnings).toEqual([
      { type: 'compatibility', message: 'old header spelling' },
    ]);
  });

  it('should keep the delivery facts on a replay, which skips verification', async () => {
    const result = await adapter.receive(request, {
      alreadyVerified: credentialsVerification(),
    });
    expect(result.kind === 'event' && result.event.account).toBe('from-body');
  });

  it('should take the facts the first verification established on a replay', async () => {
    const result = await adapter.receive(request, {
      alreadyVerified: credentialsVerification(),
      verifiedFacts: { account: 'P00000001', livemode: true },
    });
    expect(result.kind === 'event' && result.event).toMatchObject({
      account: 'P00000001',
      livemode: true,
    });
  });
});

describe('redactHeaders', () => {
  it('should drop credentials and the headers an adapter names', () => {
    const headers = new Headers({
      authorization: 'Basic x',
      cookie: 'a=b',
      'api-key': 'k',
      'event-signature': 'abc',
      event: 'ping',
    });
    expect(redactHeaders(headers, ['API-Key', 'event-signature'])).toEqual({
      event: 'ping',
    });
  });
});

describe('lastPathSegment', () => {
  it('should read the last segment under any prefix', () => {
    const request = (path: string) =>
      createRawWebhookRequest({ url: `https://x.test${path}` });
    expect(
      lastPathSegment(request('/webhooks/tradevest/customer-notification')),
    ).toBe('customer-notification');
    expect(lastPathSegment(request('/customer-notification/'))).toBe(
      'customer-notification',
    );
    expect(lastPathSegment(request('/'))).toBe('');
  });
});
