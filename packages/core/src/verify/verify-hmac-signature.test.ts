import { describe, expect, it } from 'vitest';
import { SignatureVerificationError } from '../errors/signature-verification-error';
import { hmac } from './hmac';
import { timingSafeEqual } from './timing-safe-equal';
import { verifyHmacSignature } from './verify-hmac-signature';

describe('verifyHmacSignature', () => {
  const payload = '{"event":"customer_update"}';

  it('should return the index of the matching secret (rotation)', async () => {
    const signature = await hmac('sha1', 'new', payload);
    await expect(
      verifyHmacSignature({
        algorithm: 'sha1',
        secrets: ['old', 'new'],
        payload,
        signature,
      }),
    ).resolves.toBe(1);
  });

  it('should accept upper-case hex', async () => {
    const signature = (await hmac('sha256', 's', payload)).toUpperCase();
    await expect(
      verifyHmacSignature({
        algorithm: 'sha256',
        secrets: ['s'],
        payload,
        signature,
      }),
    ).resolves.toBe(0);
  });

  it('should refuse a wrong secret, a tampered payload and an empty signature', async () => {
    const signature = await hmac('sha256', 's', payload);
    for (const options of [
      { secrets: ['other'], payload, signature },
      {
        secrets: ['s'],
        payload: payload.replace('update', 'delete'),
        signature,
      },
      { secrets: ['s'], payload, signature: '' },
      { secrets: [], payload, signature },
    ]) {
      const error = await verifyHmacSignature({
        algorithm: 'sha256',
        provider: 'p',
        ...options,
      }).catch((e: unknown) => e);
      expect(SignatureVerificationError.isInstance(error)).toBe(true);
      expect((error as SignatureVerificationError).httpStatus).toBe(401);
      expect((error as SignatureVerificationError).message).not.toContain(
        'other',
      );
    }
  });

  it('should verify base64 signatures', async () => {
    const signature = await hmac('sha512', 's', payload, 'base64');
    await expect(
      verifyHmacSignature({
        algorithm: 'sha512',
        secrets: ['s'],
        payload,
        signature,
        encoding: 'base64',
      }),
    ).resolves.toBe(0);
  });
});

describe('timingSafeEqual', () => {
  it('should compare bytes and strings', () => {
    expect(timingSafeEqual('abc', 'abc')).toBe(true);
    expect(timingSafeEqual('abc', 'abd')).toBe(false);
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
    expect(timingSafeEqual('', '')).toBe(true);
    expect(
      timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])),
    ).toBe(true);
    expect(timingSafeEqual('\u0000', '')).toBe(false);
  });
});
