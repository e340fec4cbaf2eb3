import { loadNodeCrypto } from './node-crypto';
import { toHex, utf8Encode } from './bytes';

/**
 * Lowercase hex SHA-256 of bytes or text: `node:crypto` where it exists
 * (an order of magnitude cheaper for small inputs), Web Crypto elsewhere.
 */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8Encode(data) : data;
  const nodeCrypto = await loadNodeCrypto();
  if (nodeCrypto !== undefined) {
    return nodeCrypto.createHash('sha256').update(bytes).digest('hex');
  }
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return toHex(new Uint8Array(digest));
}
