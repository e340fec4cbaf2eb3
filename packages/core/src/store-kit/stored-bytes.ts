/**
 * A plain Uint8Array copy (not a Buffer, not a view of a driver's buffer)
 * of a stored BLOB or bytea: empty for `null`, decoded for the hex text
 * form (`\x0aff…`) a custom global bytea type parser may hand back.
 */
export function storedBytes(value: Uint8Array | string | null): Uint8Array {
  if (value === null) return new Uint8Array(0);
  if (typeof value === 'string') return fromHex(value);
  const bytes = new Uint8Array(value.byteLength);
  bytes.set(value);
  return bytes;
}

/** Hex text to bytes; like Node's `Buffer.from(text, 'hex')`, it stops at the first bad pair. */
function fromHex(value: string): Uint8Array {
  const hex = value.startsWith('\\x') ? value.slice(2) : value;
  const bytes: number[] = [];
  for (let index = 0; index + 1 < hex.length; index += 2) {
    const pair = hex.slice(index, index + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) break;
    bytes.push(Number.parseInt(pair, 16));
  }
  return Uint8Array.from(bytes);
}

/**
 * A Node `Buffer` view of bytes for a database driver, without copying
 * (Node only: better-sqlite3 and pg bind Buffers).
 */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
