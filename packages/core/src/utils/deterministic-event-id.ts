import { utf8Encode } from './bytes';
import { sha256Hex } from './sha256-hex';

/**
 * The documented fallback event id for providers without a delivery id:
 * hex SHA-256 over `<provider>\n<nativeType>\n` followed by the raw body
 * bytes. The same delivery always gets the same id, so retries deduplicate.
 */
export async function deterministicEventId(
  provider: string,
  nativeType: string,
  body: Uint8Array,
): Promise<string> {
  const prefix = utf8Encode(`${provider}\n${nativeType}\n`);
  const input = new Uint8Array(prefix.length + body.length);
  input.set(prefix, 0);
  input.set(body, prefix.length);
  return sha256Hex(input);
}
