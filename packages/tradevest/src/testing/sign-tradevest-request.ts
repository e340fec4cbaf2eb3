import { copyRawWebhookRequest, type RawWebhookRequest } from '@finhooks/core';

/** Options of {@link signTradevestRequest}. */
export interface SignTradevestRequestOptions {
  /** The header value configured on the Tradevest webhook. */
  secret: string;
  /** The header name configured on the webhook; default `api-key`. */
  headerName?: string;
  /** Unused: Tradevest sends no timestamp. Accepted for a uniform signer signature. */
  now?: Date;
}

/**
 * A copy of `request` carrying the configured credential header, exactly as
 * Tradevest sends it. Tradevest signs nothing, so the body is not covered.
 */
export function signTradevestRequest(
  request: RawWebhookRequest,
  { secret, headerName = 'api-key' }: SignTradevestRequestOptions,
): Promise<RawWebhookRequest> {
  const signed = copyRawWebhookRequest(request);
  signed.headers.set(headerName, secret);
  return Promise.resolve(signed);
}
