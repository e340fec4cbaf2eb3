import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineWebhookAdapter } from '../adapter/v1/define-webhook-adapter';
import { defineWebhookEvent } from '../adapter/v1/webhook-event-definition';
import { signatureVerification } from '../verify/verification';
import { checkAdapterProperties } from './adapter-properties';
import { createFakeAdapter, signFakeRequest } from './fake-adapter';
import { runAdapterPropertyTests } from './run-adapter-property-tests';

const secret = 'whsec_test';
const fixtures = [
  {
    name: 'customer.update',
    request: {
      url: 'https://hooks.example.com/webhooks/fake?x=1',
      body: JSON.stringify({
        id: 'evt_1',
        type: 'customer.update',
        customer: { id: 'cus_1', status: 'ACTIVE' },
      }),
    },
  },
];

describe('runAdapterPropertyTests on a sound adapter', () => {
  runAdapterPropertyTests({
    createAdapter: key => createFakeAdapter({ secret: key }),
    secret,
    fixtures,
    sign: signFakeRequest,
  });
});

describe('checkAdapterProperties on broken adapters', () => {
  it('should catch an adapter that claims a body it never verified', async () => {
    // Checks only that a signature header exists: the body is not covered.
    const lax = defineWebhookAdapter({
      provider: 'lax',
      events: {
        'customer.update': defineWebhookEvent({
          type: 'customer.updated',
          schema: z.looseObject({}),
        }),
      },
      authenticate: async request => {
        if (!request.headers.has('x-fake-signature')) throw new Error('no');
        return { verification: signatureVerification({ body: true }) };
      },
      nativeType: (_request, body) => ({
        value: String((body as { type?: unknown }).type),
        from: 'body',
      }),
    });
    const report = await checkAdapterProperties(
      { createAdapter: () => lax, secret, fixtures, sign: signFakeRequest },
      { numRuns: 50, seed: 1 },
    );
    expect(report.acceptedSignedMutations).toBeGreaterThan(0);
    // Its plain `Error` is not a typed refusal either.
    expect(report.crashes).toBeGreaterThan(0);
  });

  it('should catch an id read from an unsigned header', async () => {
    const headerId = defineWebhookAdapter({
      provider: 'headerid',
      events: {},
      sensitiveHeaders: ['x-fake-signature', 'x-fake-timestamp'],
      authenticate: request =>
        createFakeAdapter({ secret })
          .receive(request)
          .then(() => ({
            verification: signatureVerification({ body: true }),
          })),
      nativeType: () => ({ value: 'thing', from: 'body' }),
      identity: request => ({
        source: 'provider_id',
        id: request.headers.get('x-delivery') ?? 'none',
      }),
    });
    const report = await checkAdapterProperties(
      {
        createAdapter: () => headerId,
        secret,
        fixtures: [
          {
            ...fixtures[0]!,
            request: {
              ...fixtures[0]!.request,
              headers: { 'x-delivery': 'd1' },
            },
          },
        ],
        sign: signFakeRequest,
      },
      { numRuns: 100, seed: 2 },
    );
    expect(report.acceptedSignedMutations).toBeGreaterThan(0);
    expect(report.failures.join('\n')).toContain('identity');
  });
});
