import { describe, expect, it } from 'vitest';
import { getCryptoBackend } from '../utils/node-crypto';
import { hmac } from './hmac';

// Published test vectors: RFC 2202 (HMAC-SHA1) and RFC 4231 (SHA-256/512).
const key = new Uint8Array(20).fill(0x0b);

describe('hmac', () => {
  it('should use node:crypto on Node and Web Crypto on the edge', async () => {
    const edge =
      typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string';
    expect(await getCryptoBackend()).toBe(edge ? 'webcrypto' : 'node');
  });

  it('should match RFC 2202 test case 1 (SHA-1)', async () => {
    expect(await hmac('sha1', key, 'Hi There')).toBe(
      'b617318655057264e28bc0b6fb378c8ef146be00',
    );
  });

  it('should match RFC 4231 test case 1 (SHA-256, SHA-512)', async () => {
    expect(await hmac('sha256', key, 'Hi There')).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    expect(await hmac('sha512', key, 'Hi There')).toBe(
      '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
    );
  });

  it('should match RFC 4231 test case 2 with a text key', async () => {
    expect(await hmac('sha256', 'Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('should encode base64 and agree with hex', async () => {
    const hex = await hmac('sha256', 'Jefe', 'what do ya want for nothing?');
    const base64 = await hmac(
      'sha256',
      'Jefe',
      'what do ya want for nothing?',
      'base64',
    );
    expect(
      atob(base64)
        .split('')
        .map(c => c.charCodeAt(0).toString(16).padStart(2, '0'))
        .join(''),
    ).toBe(hex);
  });

  it('should sign raw bytes, not a re-encoded string', async () => {
    const latin1 = new Uint8Array([0xe6, 0xf8, 0xe5]); // not valid UTF-8
    const utf8 = new TextEncoder().encode('æøå');
    expect(await hmac('sha256', 'k', latin1)).not.toBe(
      await hmac('sha256', 'k', utf8),
    );
  });

  it('should cache keys without mixing them up', async () => {
    const first = await hmac('sha256', 'secret-a', 'body');
    const second = await hmac('sha256', 'secret-b', 'body');
    expect(first).not.toBe(second);
    expect(await hmac('sha256', 'secret-a', 'body')).toBe(first);
  });
});
