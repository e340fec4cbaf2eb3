import { sha256Hex } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { syncSha256Hex } from './dintero-sync-sha256';

describe('syncSha256Hex', () => {
  it('should match the FIPS 180-4 test vectors', () => {
    expect(syncSha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(syncSha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it.each([1, 55, 56, 63, 64, 65, 119, 120, 1000])(
    'should match Web Crypto for %i bytes around the block boundaries',
    async length => {
      const text = 'a'.repeat(length);
      expect(syncSha256Hex(text)).toBe(await sha256Hex(text));
    },
  );

  it('should hash UTF-8 text as Web Crypto does', async () => {
    const text = 'dintero\ncheckout_callback\nGET\nref=Gj%C3%B8r+kupp&ø=æå';
    expect(syncSha256Hex(text)).toBe(await sha256Hex(text));
  });
});
