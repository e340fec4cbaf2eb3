/** A plain Uint8Array copy (not a Buffer) of a stored BLOB. */
export function toBytes(value: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(value.byteLength);
  bytes.set(value);
  return bytes;
}

/** A Buffer view of bytes for better-sqlite3, without copying. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
