import {
  createRawWebhookRequest,
  webhookEventV1Schema,
  type WebhookReceiveResultV1,
} from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createRedpinAdapter, type RedpinEvent } from './redpin-adapter';
import { redpinEventReferences } from './redpin-event-references';
import type { RedpinKnownNativeType } from './redpin-native-type';
import { redpinExamples } from './testing/index';

// A custom check that admits everything: a `credentials` verification.
const adapter = createRedpinAdapter({ auth: { verify: () => true } });
const receivedAt = new Date('2025-02-01T12:00:00Z');

function receiveText(body: string) {
  return adapter.receive(
    createRawWebhookRequest({
      url: 'https://hooks.example.com/webhooks/redpin',
      body,
    }),
    { receivedAt },
  );
}

async function receive(body: unknown): Promise<RedpinEvent> {
  const result: WebhookReceiveResultV1<RedpinEvent> = await receiveText(
    JSON.stringify(body),
  );
  if (result.kind !== 'event') throw new Error(JSON.stringify(result));
  expect(webhookEventV1Schema.safeParse(result.event).error).toBeUndefined();
  return result.event;
}

/** The same fact in both generations (samples built from the documented fields). */
const paymentFlat = {
  event_id: '7',
  payment_id: '123456',
  status: 'RECEIVED_FUNDS',
  customer_id: '0201001008132685',
  client_customer_ref: 'CUST_001',
  event_timestamp: '2025-01-01T10:00:00Z',
  data: { amount: { currency: 'EUR', value: 1000.5 } },
};
const paymentEnvelope = {
  event_id: '7',
  event_type: 'PAYMENT STATUS',
  version: 'v1.0.0',
  event_timestamp: '2025-01-01T10:00:00Z',
  data: {
    payment_id: '123456',
    status: 'RECEIVED_FUNDS',
    customer_id: '0201001008132685',
    client_customer_ref: 'CUST_001',
    amount: { currency: 'EUR', value: 1000.5 },
  },
};
const thirdPartyFlat = {
  event_id: '1',
  event_timestamp: '2025-01-01T00:00:00Z',
  customer_id: '0201001008132685',
  client_customer_ref: 'CUST_001',
  status: 'REJECTED',
  data: {
    reasons: [
      { reason: 'Compliance check failed', code: 'COMPLIANCE_CHECK_FAILED' },
    ],
  },
};
const thirdPartyEnvelope = {
  event_id: '1',
  event_type: 'THIRD PARTY CUSTOMER STATUS',
  version: 'v1.0.0',
  event_timestamp: '2025-01-01T00:00:00Z',
  data: {
    customer_id: '0201001008132685',
    client_customer_ref: 'CUST_001',
    status: 'REJECTED',
    reasons: [
      { reason: 'Compliance check failed', code: 'COMPLIANCE_CHECK_FAILED' },
    ],
  },
};
const customerFlat = {
  customer_id: '0201000005926289',
  status: 'inactive',
  unique_identifier: 'a8509765',
  reason_for_inactive: 'Identity document',
  documents_required: [{ document_type: 'POI', uri: '/v1/documents/1' }],
  contacts: [],
};
// Not published: how CUSTOMER STATUS would look if it moved to the envelope.
const customerEnvelope = {
  event_id: 'c-1',
  event_type: 'CUSTOMER STATUS',
  version: 'v1.0.0',
  event_timestamp: '2025-03-01T08:00:00Z',
  data: customerFlat,
};

function withoutGeneration(event: RedpinEvent) {
  const {
    generation: _g,
    version: _v,
    raw: _r,
    ...rest
  } = event.data as Record<string, unknown>;
  return { ...event, data: rest };
}

describe('both payload generations', () => {
  it.each([
    ['PAYMENT STATUS', paymentFlat, paymentEnvelope],
    ['THIRD PARTY CUSTOMER STATUS', thirdPartyFlat, thirdPartyEnvelope],
  ])('should normalize %s identically', async (nativeType, flat, envelope) => {
    const fromFlat = await receive(flat);
    const fromEnvelope = await receive(envelope);
    expect(fromFlat.nativeType).toBe(nativeType);
    expect(fromEnvelope.nativeType).toBe(nativeType);
    expect(fromFlat.data).toMatchObject({
      generation: 'flat',
      version: null,
      raw: flat,
    });
    expect(fromEnvelope.data).toMatchObject({
      generation: 'envelope',
      version: 'v1.0.0',
      raw: envelope,
    });
    expect(withoutGeneration(fromFlat)).toEqual(
      withoutGeneration(fromEnvelope),
    );
  });

  it('should map a payment to payment.status_changed about the payment', async () => {
    const event = await receive(paymentEnvelope);
    expect(event).toMatchObject({
      id: '123456:7',
      type: 'payment.status_changed',
      subject: { type: 'payment', id: '123456' },
      status: 'RECEIVED_FUNDS',
      occurredAt: '2025-01-01T10:00:00.000Z',
    });
    expect(event.data).toMatchObject({
      payment_id: '123456',
      customer_id: '0201001008132685',
      client_customer_ref: 'CUST_001',
      details: {
        amount: { currency: 'EUR', value: 1000.5, value_text: '1000.5' },
      },
    });
  });

  it('should read flat third-party reasons given as a bare array', async () => {
    const event = await receive({
      ...thirdPartyFlat,
      data: thirdPartyFlat.data.reasons,
    });
    expect(event.data).toMatchObject({ reasons: thirdPartyFlat.data.reasons });
  });

  it('should give an APPROVED third-party customer no reasons', async () => {
    const { data: _data, ...approved } = {
      ...thirdPartyFlat,
      status: 'APPROVED',
    };
    const event = await receive(approved);
    expect(event).toMatchObject({
      id: '0201001008132685:1',
      type: 'customer.status_changed',
      subject: { type: 'customer', id: '0201001008132685' },
      status: 'APPROVED',
      normalizedStatus: 'approved',
      data: { reasons: [] },
    });
  });

  it('should read CUSTOMER STATUS flat (as sent) and as an envelope', async () => {
    const flat = await receive(customerFlat);
    expect(flat).toMatchObject({
      nativeType: 'CUSTOMER STATUS',
      type: 'customer.status_changed',
      subject: { type: 'customer', id: '0201000005926289' },
      status: 'inactive',
      data: { generation: 'flat', event_id: null, event_timestamp: null },
    });
    expect(flat.occurredAt).toBeUndefined();
    // No event id: the documented deterministic hash of the raw body.
    expect(flat.id).toMatch(/^[0-9a-f]{64}$/);
    const envelope = await receive(customerEnvelope);
    expect(envelope).toMatchObject({
      id: '0201000005926289:c-1',
      occurredAt: '2025-03-01T08:00:00.000Z',
      data: {
        generation: 'envelope',
        documents_required: customerFlat.documents_required,
      },
    });
  });
});

describe('statuses', () => {
  it.each([
    ['AWAITING_FUNDS', 'pending'],
    ['RECEIVED_FUNDS', 'processing'],
    ['FX_COMPLETED', 'processing'],
    ['PAYOUT_INITIATED', 'processing'],
    // Per recipient of a multi-recipient payment: not yet the payment's end.
    ['PAYOUT_CREDITED', 'processing'],
    ['CANCELLED', 'canceled'],
    ['PROCESSING', 'processing'],
    ['REFUNDED', 'refunded'],
    ['BOUNCED_BACK', 'failed'],
    ['PAYMENT_COMPLETED', 'succeeded'],
  ])(
    'should keep payment status %s as sent and normalize it to %s',
    async (status, normalizedStatus) => {
      const result = await receiveText(
        JSON.stringify({ ...paymentFlat, status, data: {} }),
      );
      expect(result.warnings).toEqual([]);
      const event = await receive({ ...paymentFlat, status, data: {} });
      expect(event.status).toBe(status);
      expect(event.normalizedStatus).toBe(normalizedStatus);
      expect(event.type).toBe('payment.status_changed');
    },
  );

  it.each([
    ['THIRD PARTY CUSTOMER STATUS', thirdPartyEnvelope, 'REJECTED', 'rejected'],
    ['THIRD PARTY CUSTOMER STATUS', thirdPartyFlat, 'APPROVED', 'approved'],
    ['CUSTOMER STATUS', customerFlat, 'active', 'active'],
    ['CUSTOMER STATUS', customerFlat, 'inactive', 'inactive'],
  ])(
    'should decide %s status %s (%s) on the customer subject',
    async (nativeType, body, status, normalizedStatus) => {
      const withStatus =
        'event_type' in body
          ? { ...body, data: { ...body.data, status } }
          : { ...body, status };
      const event = await receive(withStatus);
      expect(event).toMatchObject({
        nativeType,
        type: 'customer.status_changed',
        subject: {
          type: 'customer',
          id: body === customerFlat ? '0201000005926289' : '0201001008132685',
        },
        status,
        normalizedStatus,
      });
    },
  );

  it('should keep an undocumented payment status unmapped, with a warning', async () => {
    const result = await receiveText(
      JSON.stringify({
        ...paymentFlat,
        status: 'ON_HOLD_FOR_REVIEW',
        data: {},
      }),
    );
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event.status).toBe('ON_HOLD_FOR_REVIEW');
    expect(result.event.normalizedStatus).toBeUndefined();
    expect(result.warnings).toContainEqual({
      type: 'compatibility',
      message: expect.stringContaining('"ON_HOLD_FOR_REVIEW"'),
    });
  });

  it('should keep unknown customer statuses as sent, unmapped', async () => {
    const customer = await receive({ ...customerFlat, status: 'suspended' });
    expect(customer.status).toBe('suspended');
    expect(customer.normalizedStatus).toBeUndefined();
    const thirdParty = await receive({
      ...thirdPartyEnvelope,
      data: { ...thirdPartyEnvelope.data, status: 'PENDING_REVIEW' },
    });
    expect(thirdParty.status).toBe('PENDING_REVIEW');
    expect(thirdParty.normalizedStatus).toBeUndefined();
  });

  it('should publish a catalogue entry with decisions and a reference for every native type', () => {
    expect(
      adapter.catalogue?.map(entry => [
        entry.nativeType,
        entry.type,
        entry.subjectType,
      ]),
    ).toEqual([
      ['PAYMENT STATUS', 'payment.status_changed', 'payment'],
      ['THIRD PARTY CUSTOMER STATUS', 'customer.status_changed', 'customer'],
      ['CUSTOMER STATUS', 'customer.status_changed', 'customer'],
    ]);
    for (const entry of adapter.catalogue ?? []) {
      expect(
        redpinEventReferences[entry.nativeType as RedpinKnownNativeType],
      ).toMatch(/^https:\/\/docs\.redpincompany\.com\//);
      expect(entry.statuses).toBeDefined();
    }
  });
});

describe('amounts', () => {
  it('should keep amounts exactly as sent, with the literal digits', async () => {
    const body =
      '{"event_id":"2","payment_id":"9","status":"FX_COMPLETED","customer_id":"c",' +
      '"event_timestamp":"2025-01-01T00:00:00Z","data":{' +
      '"sell_amount":{"currency":"GBP","value":100.10},' +
      '"buy_amount":{"currency":"JPY","value":12345678901234567890.12},' +
      '"fee":{"currency":"GBP","value":"0.30"}}}';
    const result = await receiveText(body);
    expect(result.kind).toBe('event');
    if (
      result.kind !== 'event' ||
      result.event.type !== 'payment.status_changed'
    )
      return;
    const { details, raw } = result.event.data;
    expect(details.sell_amount).toEqual({
      currency: 'GBP',
      value: 100.1,
      value_text: '100.10',
    });
    expect(details.buy_amount?.value_text).toBe('12345678901234567890.12');
    expect(details.buy_amount?.value).toBe(Number('12345678901234567890.12'));
    // Fields Redpin adds are kept at runtime, outside the typed ones.
    expect((details as Record<string, unknown>).fee).toEqual({
      currency: 'GBP',
      value: '0.30',
      value_text: '0.30',
    });
    // The native body is untouched.
    expect(raw).toEqual(JSON.parse(body));
    expect(JSON.stringify(raw)).not.toContain('value_text');
  });

  it('should document refunds, cancellations and bounces in details', async () => {
    const event = await receive({
      ...paymentEnvelope,
      data: {
        payment_id: '1',
        status: 'CANCELLED',
        customer_id: 'c',
        reason_description: 'Customer request',
        bounce_reason: { code: 'AC04' },
        refund_amount: { currency: 'EUR', value: 5 },
      },
    });
    expect(event.data).toMatchObject({
      details: {
        reason_description: 'Customer request',
        bounce_reason: { code: 'AC04' },
        refund_amount: { currency: 'EUR', value: 5, value_text: '5' },
      },
    });
  });
});

describe('event ids', () => {
  it('should combine the subject id with the tiny event_id', async () => {
    expect((await receive(paymentFlat)).id).toBe('123456:7');
    expect((await receive({ ...paymentFlat, payment_id: '654321' })).id).toBe(
      '654321:7',
    );
    expect((await receive(thirdPartyEnvelope)).id).toBe('0201001008132685:1');
  });

  it('should use the event_id as a provider_id identity', async () => {
    expect((await receive(paymentEnvelope)).identity).toEqual({
      source: 'provider_id',
      key: '123456:7',
    });
    expect((await receive(thirdPartyFlat)).identity).toEqual({
      source: 'provider_id',
      key: '0201001008132685:1',
    });
  });

  it('should identify an id-less body by its content within a 24 h window', async () => {
    const { event_id: _id, ...withoutId } = paymentFlat;
    const first = await receive(withoutId);
    expect(first.id).toMatch(/^[0-9a-f]{64}$/);
    expect(first.identity).toEqual({
      source: 'content',
      key: first.id,
      windowMs: 24 * 60 * 60 * 1000,
    });
    expect((await receive(withoutId)).id).toBe(first.id);
    expect((await receive(customerFlat)).identity).toMatchObject({
      source: 'content',
      windowMs: 24 * 60 * 60 * 1000,
    });
  });

  it('should take the content window from dedupWindowMs', async () => {
    const short = createRedpinAdapter({
      auth: { verify: () => true },
      dedupWindowMs: 60_000,
    });
    const result = await short.receive(
      createRawWebhookRequest({
        url: 'https://hooks.example.com/webhooks/redpin',
        body: JSON.stringify(customerFlat),
      }),
    );
    expect(result.kind === 'event' && result.event.identity).toMatchObject({
      source: 'content',
      windowMs: 60_000,
    });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1000'])(
    'should refuse dedupWindowMs %s at construction',
    dedupWindowMs => {
      expect(() =>
        createRedpinAdapter({
          auth: { verify: () => true },
          dedupWindowMs: dedupWindowMs as number,
        }),
      ).toThrowError(
        expect.objectContaining({ code: 'configuration_invalid' }),
      );
    },
  );
});

describe('authenticity', () => {
  it('should mark every part covered by the configured credentials, no timestamp', async () => {
    expect((await receive(paymentEnvelope)).authenticity).toEqual({
      scheme: 'credentials',
      body: true,
      type: true,
      subject: true,
      timestamp: false,
      url: true,
      headers: [],
    });
  });

  it('should mark nothing authentic when authentication is opted out', async () => {
    const open = createRedpinAdapter({
      auth: { dangerouslyAllowUnauthenticated: true },
    });
    const result = await open.receive(
      createRawWebhookRequest({
        url: 'https://hooks.example.com/webhooks/redpin',
        body: JSON.stringify(customerFlat),
      }),
    );
    expect(result.kind === 'event' && result.event.authenticity).toEqual({
      scheme: 'none',
      body: false,
      type: false,
      subject: false,
      timestamp: false,
      url: false,
      headers: [],
    });
  });
});

describe('required v1.0.0 envelope fields', () => {
  it.each(['event_id', 'version', 'event_timestamp', 'data'] as const)(
    'should quarantine an envelope without %s, with an issue at that field',
    async field => {
      for (const envelope of [
        paymentEnvelope,
        thirdPartyEnvelope,
        customerEnvelope,
      ]) {
        const body: Record<string, unknown> = { ...envelope };
        delete body[field];
        const result = await receiveText(JSON.stringify(body));
        expect(result.kind).toBe('invalid');
        if (result.kind !== 'invalid') continue;
        expect(result.event.nativeType).toBe(envelope.event_type);
        expect(result.event.issues).toContainEqual(
          expect.objectContaining({ path: [field], code: 'invalid_type' }),
        );
      }
    },
  );

  it.each([null, ''])(
    'should quarantine an envelope whose event_id is %j',
    async eventId => {
      const result = await receiveText(
        JSON.stringify({ ...paymentEnvelope, event_id: eventId }),
      );
      expect(result.kind).toBe('invalid');
      if (result.kind !== 'invalid') return;
      expect(result.event.issues).toContainEqual(
        expect.objectContaining({ path: ['event_id'] }),
      );
      // No event id: identified by its content.
      expect(result.event.identity.source).toBe('content');
    },
  );

  it('should warn about an undocumented version and still read the event', async () => {
    const result = await receiveText(
      JSON.stringify({ ...paymentEnvelope, version: 'v2.0.0' }),
    );
    expect(result.kind).toBe('event');
    expect(result.kind === 'event' && result.event.data).toMatchObject({
      version: 'v2.0.0',
      payment_id: '123456',
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'compatibility',
        message: expect.stringContaining('"v2.0.0"'),
      }),
    ]);
  });

  it('should warn about an undocumented version of an unknown type too', async () => {
    const result = await receiveText(
      JSON.stringify({
        ...paymentEnvelope,
        event_type: 'WALLET STATUS',
        version: '2',
      }),
    );
    expect(result.warnings.map(warning => warning.type).sort()).toEqual([
      'compatibility',
      'unsupported',
    ]);
  });

  it('should not warn about the documented version v1.0.0', async () => {
    const result = await receiveText(JSON.stringify(paymentEnvelope));
    expect(result.warnings).toEqual([]);
  });

  it('should warn about an unparseable event_timestamp instead of dropping it silently', async () => {
    for (const body of [
      { ...paymentEnvelope, event_timestamp: 'yesterday' },
      { ...paymentFlat, event_timestamp: '2025-13-45T99:00:00Z' },
    ]) {
      const result = await receiveText(JSON.stringify(body));
      expect(result.kind).toBe('event');
      if (result.kind !== 'event') continue;
      expect(result.event.occurredAt).toBeUndefined();
      expect(result.event.data).toMatchObject({
        event_timestamp: body.event_timestamp,
      });
      expect(result.warnings).toEqual([
        expect.objectContaining({
          type: 'compatibility',
          message: expect.stringContaining(body.event_timestamp),
        }),
      ]);
    }
  });
});

describe('ambiguous flat bodies', () => {
  const { payment_id: _paymentId, ...paymentWithoutId } = paymentFlat;

  it('should quarantine a flat payment that lost payment_id as a payment, never as a valid customer event', async () => {
    for (const body of [
      paymentWithoutId,
      { ...paymentWithoutId, status: 'AWAITING_FUNDS', data: {} },
    ]) {
      const result = await receiveText(JSON.stringify(body));
      expect(result.kind).toBe('invalid');
      if (result.kind !== 'invalid') continue;
      expect(result.event).toMatchObject({
        type: 'payment.status_changed',
        nativeType: 'PAYMENT STATUS',
        data: body,
      });
      expect(result.event.issues).toEqual([
        expect.objectContaining({
          path: ['payment_id'],
          code: 'invalid_type',
        }),
      ]);
      // Its event_id is not keyed to the customer: no collision with a
      // genuine third-party event "<customer_id>:<event_id>".
      expect(result.event.identity.source).toBe('content');
    }
  });

  it.each([
    [
      'a payment without payment_id, with an undocumented status',
      { ...paymentWithoutId, status: 'ON_HOLD', data: {} },
    ],
    [
      'a third-party body with an undocumented status and no reasons',
      {
        event_id: '4',
        event_timestamp: '2025-01-01T00:00:00Z',
        customer_id: '0201001008132685',
        client_customer_ref: 'CUST_001',
        status: 'PENDING_REVIEW',
      },
    ],
    [
      'a body mixing payment and third-party fields',
      { ...thirdPartyFlat, payment_id: '123456' },
    ],
    [
      'a customer id and an undocumented status only',
      { customer_id: '0201000005926289', status: 'suspended' },
    ],
  ])('should quarantine %s with an ambiguity issue', async (_name, body) => {
    const result = await receiveText(JSON.stringify(body));
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.event.data).toEqual(body);
    expect(result.event.subject).toBeUndefined();
    expect(result.event.identity.source).toBe('content');
    expect(result.event.issues).toContainEqual({
      path: [],
      code: 'custom',
      message: expect.stringMatching(
        /^(Ambiguous|Contradictory) flat Redpin body/,
      ),
    });
  });
});

describe('every native type', () => {
  it.each([
    ['PAYMENT STATUS', 'payment.status_changed', 'payment', paymentFlat],
    [
      'THIRD PARTY CUSTOMER STATUS',
      'customer.status_changed',
      'customer',
      thirdPartyEnvelope,
    ],
    ['CUSTOMER STATUS', 'customer.status_changed', 'customer', customerFlat],
  ])(
    'should map %s to a valid %s envelope',
    async (nativeType, type, subjectType, body) => {
      const event = await receive(body);
      expect(event).toMatchObject({
        provider: 'redpin',
        nativeType,
        type,
        subject: { type: subjectType },
      });
      expect(adapter.nativeTypes).toContain(nativeType);
    },
  );
});

describe('published examples', () => {
  it.each(redpinExamples.map(example => [example.name, example] as const))(
    'should map %s',
    async (_name, example) => {
      const result = await adapter.receive(
        createRawWebhookRequest(example.request),
        {
          receivedAt,
        },
      );
      expect(result.kind).toBe('event');
      expect(result.warnings).toEqual([]);
      expect(result.kind === 'event' ? result.event : result).toMatchSnapshot();
    },
  );
});
