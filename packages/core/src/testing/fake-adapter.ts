// A small but real adapter used by core's own tests: HMAC-SHA256 over the
// raw body in `x-fake-signature`, a signed timestamp in `x-fake-timestamp`,
// event type in the body. Not exported from the package.
import { z } from 'zod';
import { defineWebhookAdapter } from '../adapter/v1/define-webhook-adapter';
import type { RawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import { requireHeader } from '../adapter/v1/request-helpers';
import { defineWebhookEvent } from '../adapter/v1/webhook-event-definition';
import { SignatureVerificationError } from '../errors/signature-verification-error';
import { hmac } from '../verify/hmac';
import {
  assertSecretSourceConfigured,
  resolveSecrets,
  type SecretSource,
} from '../verify/secret-source';
import { assertTimestampWithinTolerance } from '../verify/timestamp-tolerance';
import { signatureVerification } from '../verify/verification';
import { verifyHmacSignature } from '../verify/verify-hmac-signature';
import { cloneRequest } from './request-helpers';

const fakeEvents = {
  'customer.update': defineWebhookEvent({
    type: 'customer.updated',
    schema: z.looseObject({
      type: z.string(),
      customer: z.looseObject({ id: z.string(), status: z.string().nullish() }),
    }),
    describe: data => ({
      subject: { type: 'customer', id: data.customer.id },
      status: data.customer.status,
      normalizedStatus:
        data.customer.status === 'ACTIVE'
          ? 'active'
          : data.customer.status === 'INACTIVE'
            ? 'inactive'
            : 'unmapped',
    }),
  }),
  'payment.captured': defineWebhookEvent({
    type: 'payment.status_changed',
    schema: z.looseObject({
      type: z.string(),
      payment: z.looseObject({
        id: z.string(),
        amount: z.number().int(),
        at: z.string(),
      }),
    }),
    describe: data => ({
      subject: { type: 'payment', id: data.payment.id },
      status: 'CAPTURED',
      normalizedStatus: 'succeeded',
      occurredAt: data.payment.at,
    }),
  }),
};

export interface FakeAdapterSettings {
  secret: SecretSource<{ request: RawWebhookRequest }>;
  toleranceSeconds?: number;
  /** Default `fake`; a second name for routing tests. */
  provider?: string;
  /** Deliberately broken variants, for the conformance kit's self-test. */
  broken?: 'skip-timestamp' | 'skip-hmac';
}

export function createFakeAdapter({
  secret,
  toleranceSeconds = 300,
  provider = 'fake',
  broken,
}: FakeAdapterSettings) {
  assertSecretSourceConfigured(secret, { provider, setting: 'secret' });
  return defineWebhookAdapter({
    provider,
    events: fakeEvents,
    handshakeTypes: ['ping'],
    sensitiveHeaders: ['x-fake-signature', 'x-fake-timestamp'],
    unsignedHandshake: request =>
      request.headers.get('x-fake-check') === 'subscribe' &&
      request.body.length === 0
        ? { provider, nativeType: 'subscribe', response: { status: 200 } }
        : undefined,
    async authenticate(request) {
      const signature = requireHeader(request, 'x-fake-signature', {
        provider,
      });
      const timestamp = Number(
        requireHeader(request, 'x-fake-timestamp', { provider }),
      );
      if (broken !== 'skip-timestamp')
        assertTimestampWithinTolerance({
          timestamp,
          toleranceSeconds,
          provider,
        });
      const secrets = await resolveSecrets(secret, { request });
      if (secrets.length === 0) {
        throw new SignatureVerificationError({
          provider,
          message: 'No secret for this request.',
        });
      }
      const payload = new Uint8Array([
        ...new TextEncoder().encode(`${timestamp}.`),
        ...request.body,
      ]);
      if (broken !== 'skip-hmac') {
        await verifyHmacSignature({
          algorithm: 'sha256',
          secrets,
          payload,
          signature,
          provider,
        });
      }
      return {
        verification: signatureVerification({ body: true, timestamp: true }),
      };
    },
    nativeType: (_request, body) => ({
      value: String((body as { type?: unknown }).type ?? ''),
      from: 'body',
    }),
    // A provider id inside the signed body, where the payload has one.
    identity: (_request, body) => {
      const id = (body as { id?: unknown }).id;
      return typeof id === 'string' && id !== ''
        ? { source: 'provider_id', id }
        : { source: 'content' };
    },
    describeDelivery: request => ({
      livemode: !new URL(request.url).hostname.startsWith('test.'),
    }),
  });
}

export async function signFakeRequest(
  request: RawWebhookRequest,
  { secret, now = new Date() }: { secret: string; now?: Date },
): Promise<RawWebhookRequest> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const payload = new Uint8Array([
    ...new TextEncoder().encode(`${timestamp}.`),
    ...request.body,
  ]);
  const signed = cloneRequest(request);
  signed.headers.set('x-fake-timestamp', String(timestamp));
  signed.headers.set('x-fake-signature', await hmac('sha256', secret, payload));
  return signed;
}
