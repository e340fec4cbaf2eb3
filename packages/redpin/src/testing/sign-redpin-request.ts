import { copyRawWebhookRequest, type RawWebhookRequest } from '@finhooks/core';

/** Header name `signRedpinRequest` uses unless told otherwise. */
export const REDPIN_TEST_TOKEN_HEADER = 'x-redpin-webhook-token';

/** Options of {@link signRedpinRequest}. */
export interface SignRedpinRequestOptions {
  /** The token value Redpin is configured to send. */
  secret: string;
  /** The header carrying it; default {@link REDPIN_TEST_TOKEN_HEADER}. */
  headerName?: string;
  /** Unused: Redpin's credentials carry no time. Accepted for symmetry. */
  now?: Date;
}

/**
 * Returns a copy of `request` as Redpin would send it with a static token
 * header configured: the header set to `secret`. Redpin signs nothing, so
 * the body is not covered. Pair it with
 * `createRedpinAdapter({ auth: { headers: [{ name, value: secret }] } })`.
 */
export async function signRedpinRequest(
  request: RawWebhookRequest,
  { secret, headerName = REDPIN_TEST_TOKEN_HEADER }: SignRedpinRequestOptions,
): Promise<RawWebhookRequest> {
  const signed = copyRawWebhookRequest(request);
  signed.headers.set(headerName, secret);
  return signed;
}
