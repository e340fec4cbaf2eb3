import { hmac } from '@finhooks/core';

/** The Checkout callback signature header. */
export const dinteroCallbackSignatureHeader = 'dintero-signature';
const signatureScheme = 'v0-hmac-sha256';

/** What the `Dintero-Signature` string covers. */
export interface DinteroCallbackSignedParts {
  /** Unix seconds, the `t=` value. */
  timestamp: number;
  accountId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The public URL Dintero called; its hostname, path and query are signed. */
  url: URL;
}

/**
 * The query as Dintero signs it: parameters sorted by name (stable for
 * repeated names) and serialized form-style, so spaces are `+`.
 */
export function sortedDinteroQuery(url: URL): string {
  const parameters = new URLSearchParams(url.search);
  parameters.sort();
  return parameters.toString();
}

/**
 * What identifies one callback: the signed parts of `Dintero-Signature`
 * except its timestamp `t` — account id, method, hostname, path and the
 * sorted query, exactly as signed, newline-joined. Core hashes it into the
 * dedup key, so a retry re-signed with a new `t` is the same event, and
 * the unsigned `event-delivery` header cannot make a replay look new.
 */
export function dinteroCallbackSignedMaterial(
  parts: Omit<DinteroCallbackSignedParts, 'timestamp'>,
): string {
  return [
    parts.accountId,
    parts.method.toUpperCase(),
    parts.url.hostname,
    parts.url.pathname,
    sortedDinteroQuery(parts.url),
  ].join('\n');
}

/**
 * The signed string: the timestamp, then the signed material (account id,
 * method, hostname without port, path and sorted query), joined by
 * newlines. The body is not part of it.
 */
export function dinteroCallbackSignedString(
  parts: DinteroCallbackSignedParts,
): string {
  return `${parts.timestamp}\n${dinteroCallbackSignedMaterial(parts)}`;
}

/** The lowercase hex HMAC-SHA256 of the signed string under `secret`. */
export function dinteroCallbackDigest(
  secret: string,
  parts: DinteroCallbackSignedParts,
): Promise<string> {
  return hmac('sha256', secret, dinteroCallbackSignedString(parts));
}

/** A full `Dintero-Signature` header value, as Dintero sends it. */
export async function createDinteroCallbackSignature(
  secret: string,
  parts: DinteroCallbackSignedParts,
): Promise<string> {
  const digest = await dinteroCallbackDigest(secret, parts);
  return `t=${parts.timestamp},${signatureScheme}=${digest}`;
}

/** The parts of a `Dintero-Signature` header. */
export interface ParsedDinteroSignature {
  timestamp: number;
  /** Every `v0-hmac-sha256` value (lower case); any one may match. */
  signatures: string[];
}

/**
 * Reads `t=<unix>,v0-hmac-sha256=<hex>`. Unknown schemes are ignored (a
 * future `v1` beside `v0` must not break verification); undefined when
 * the timestamp or every v0 signature is missing or malformed.
 */
export function parseDinteroSignatureHeader(
  value: string,
): ParsedDinteroSignature | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    const key = part.slice(0, separator).trim();
    const text = part.slice(separator + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(text)) timestamp = Number(text);
    if (key === signatureScheme && /^[0-9a-f]{64}$/i.test(text)) {
      signatures.push(text.toLowerCase());
    }
  }
  if (timestamp === undefined || signatures.length === 0) return undefined;
  return { timestamp, signatures };
}
