const alwaysSensitive = [
  'authorization',
  'cookie',
  'proxy-authorization',
  'set-cookie',
];

/**
 * Headers as a plain object without credentials: what a store or a log may
 * keep of a delivery. Adapters name their signature and token headers
 * (`sensitiveHeaders`): a stored signature would let whoever reads the
 * store test secret guesses offline, so they go too.
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
