import { toHex, utf8Encode } from './bytes';

/** Lowercase hex SHA-256 of bytes or text (Web Crypto; available everywhere). */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8Encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return toHex(new Uint8Array(digest));
}
