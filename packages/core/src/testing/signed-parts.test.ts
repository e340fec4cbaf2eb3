import { describe, expect, it } from 'vitest';
import { createFakeAdapter, signFakeRequest } from './fake-adapter';
import { checkSignedParts, deriveSignedParts } from './signed-parts';

const secret = 'whsec_test';
const request = {
  url: 'https://hooks.example.com/webhooks/fake',
  body: JSON.stringify({
    id: 'evt_1',
    type: 'customer.update',
    customer: { id: 'c' },
  }),
};
const check = (
  adapter: ReturnType<typeof createFakeAdapter>,
  tolerance?: number,
) =>
  checkSignedParts({
    adapter,
    sign: signFakeRequest,
    secret,
    request,
    ...(tolerance === undefined
      ? {}
      : { timestampToleranceSeconds: tolerance }),
  });

describe('deriveSignedParts', () => {
  it('should find what the signer signs', async () => {
    expect(await deriveSignedParts(signFakeRequest, request, secret)).toEqual({
      addedHeaders: ['x-fake-signature', 'x-fake-timestamp'],
      body: true,
      url: false,
      timestamp: true,
    });
  });
});

describe('checkSignedParts (the conformance kit cannot be fooled)', () => {
  it('should pass a sound adapter', async () => {
    expect(await check(createFakeAdapter({ secret }), 300)).toEqual([]);
  });

  it('should fail an adapter that signs a timestamp but declares no tolerance', async () => {
    expect(await check(createFakeAdapter({ secret }))).toEqual([
      'the signer signs a timestamp: declare timestampToleranceSeconds',
    ]);
  });

  it('should fail an adapter that does not check the timestamp', async () => {
    const failures = await check(
      createFakeAdapter({ secret, broken: 'skip-timestamp' }),
      300,
    );
    expect(failures).toEqual([
      'a timestamp 360 s old is accepted',
      'a timestamp 360 s in the future is accepted',
    ]);
  });

  it('should fail an adapter that does not check the body or the secret', async () => {
    const failures = await check(
      createFakeAdapter({ secret, broken: 'skip-hmac' }),
      300,
    );
    expect(failures).toEqual([
      'a request signed with the wrong secret is accepted',
      'the signer signs the body, but a tampered body is accepted',
    ]);
  });
});
