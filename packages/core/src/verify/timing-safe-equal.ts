import { asBytes } from '../utils/bytes';

/**
 * Compares two byte strings in time that depends only on their lengths, never
 * on where they differ. Unequal lengths compare unequal without an early exit
 * on content, so a static token's value cannot be probed byte by byte.
 */
export function timingSafeEqual(
  a: Uint8Array | string,
  b: Uint8Array | string,
): boolean {
  // Two strings (hex digests, tokens) are compared by UTF-16 code unit:
  // equal strings have equal code units, and no encoding is allocated on
  // the hot path of every verification.
  if (typeof a === 'string' && typeof b === 'string') {
    const length = Math.max(a.length, b.length);
    let difference = a.length ^ b.length;
    for (let index = 0; index < length; index++) {
      difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
    }
    return difference === 0;
  }
  const left = asBytes(a);
  const right = asBytes(b);
  const length = Math.max(left.length, right.length);
  let difference = left.length ^ right.length;
  for (let index = 0; index < length; index++) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
