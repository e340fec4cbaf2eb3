import { asBytes, toBase64, toHex } from '../utils/bytes';
import { loadNodeCrypto } from '../utils/node-crypto';

/** HMAC hash functions providers use. */
export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';
/** Text encodings of a digest. */
export type DigestEncoding = 'hex' | 'base64';

const webCryptoNames: Record<HmacAlgorithm, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
};

// Importing a Web Crypto key costs about as much as the HMAC itself, so keys
// are cached. Bounded: rotation and per-type secrets stay far below this.
const maxCachedKeys = 256;
const webCryptoKeys = new Map<string, Promise<CryptoKey>>();

function webCryptoKey(
  algorithm: HmacAlgorithm,
  key: Uint8Array,
): Promise<CryptoKey> {
  const cacheKey = `${algorithm}:${toHex(key)}`;
  let cached = webCryptoKeys.get(cacheKey);
  if (cached === undefined) {
    cached = crypto.subtle.importKey(
      'raw',
      key as BufferSource,
      { name: 'HMAC', hash: webCryptoNames[algorithm] },
      false,
      ['sign'],
    );
    if (webCryptoKeys.size >= maxCachedKeys) {
      const oldest = webCryptoKeys.keys().next().value;
      if (oldest !== undefined) webCryptoKeys.delete(oldest);
    }
    webCryptoKeys.set(cacheKey, cached);
  }
  return cached;
}

/** Raw HMAC digest bytes of `data` under `key` (UTF-8 for strings). */
export async function hmacBytes(
  algorithm: HmacAlgorithm,
  key: Uint8Array | string,
  data: Uint8Array | string,
): Promise<Uint8Array> {
  const nodeCrypto = await loadNodeCrypto();
  if (nodeCrypto !== undefined) {
    const digest = nodeCrypto
      .createHmac(algorithm, asBytes(key))
      .update(asBytes(data))
      .digest();
    return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
  }
  const cryptoKey = await webCryptoKey(algorithm, asBytes(key));
  const signature = await crypto.subtle.sign(
    'HMAC',
    cryptoKey,
    asBytes(data) as BufferSource,
  );
  return new Uint8Array(signature);
}

/**
 * HMAC of `data` under `key`, as lowercase hex or base64. One async API on
 * every runtime: `node:crypto` where present, Web Crypto elsewhere.
 */
export async function hmac(
  algorithm: HmacAlgorithm,
  key: Uint8Array | string,
  data: Uint8Array | string,
  encoding: DigestEncoding = 'hex',
): Promise<string> {
  const nodeCrypto = await loadNodeCrypto();
  if (nodeCrypto !== undefined) {
    // Node encodes natively, much faster than a JS hex loop.
    return nodeCrypto
      .createHmac(algorithm, asBytes(key))
      .update(asBytes(data))
      .digest(encoding);
  }
  const digest = await hmacBytes(algorithm, key, data);
  return encoding === 'hex' ? toHex(digest) : toBase64(digest);
}
