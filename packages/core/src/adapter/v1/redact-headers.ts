const alwaysSensitive = [
  'authorization',
  'cookie',
  'proxy-authorization',
  'set-cookie',
];

/**
 * Headers as a plain object without credentials: what a store or a log may
 * keep of a delivery. Signatures stay (they are MACs of this body, not
 * secrets, and let a replay be checked later); configured static tokens go.
 */
export function redactHeaders(
  headers: Headers,
  sensitiveHeaders: readonly string[] = [],
): Record<string, string> {
  const drop = new Set([
    ...alwaysSensitive,
    ...sensitiveHeaders.map(name => name.toLowerCase()),
  ]);
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!drop.has(name)) kept[name] = value;
  });
  return kept;
}
