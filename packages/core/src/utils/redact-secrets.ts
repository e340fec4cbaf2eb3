const secretKey =
  /secret|password|passphrase|token|api[-_]?key|private[-_]?key/i;

/**
 * A copy of a parsed JSON value with the values of secret-looking keys
 * (`secret`, `password`, `token`, `api_key`…) replaced by `"[redacted]"`:
 * for handshake payloads (a Dintero subscription carries its signing
 * secret) that are handed to application code and logs.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value))
    return value.map(item => redactSecrets(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // The whole value goes, whatever its shape (`secret: { type, value }`).
    copy[key] =
      secretKey.test(key) && item !== null && item !== undefined
        ? '[redacted]'
        : redactSecrets(item, depth + 1);
  }
  return copy;
}
