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
  const left = asBytes(a);
  const right = asBytes(b);
  const length = Math.max(left.length, right.length);
  let difference = left.length ^ right.length;
  for (let index = 0; index < length; index++) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
