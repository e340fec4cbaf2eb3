import {
  createRawWebhookRequest,
  hmac,
  type RawWebhookRequest,
} from '@finhooks/core';
import type { SolarisSignatureAlgorithm } from '../solaris-adapter-settings';

/** Options of {@link signSolarisRequest}. */
export interface SignSolarisRequestOptions {
  /** The subscription secret of the request's event type. */
  secret: string;
  /** Unused: Solaris signs no timestamp. Accepted for a uniform API. */
  now?: Date;
  /** Default `sha256`, what Solaris sends. */
  algorithm?: SolarisSignatureAlgorithm;
}

/**
 * Returns a copy of `request` signed as Solaris signs it:
 * `Solaris-Webhook-Signature: sha256=<hex HMAC of the raw body>`.
 */
export async function signSolarisRequest(
  request: RawWebhookRequest,
  { secret, algorithm = 'sha256' }: SignSolarisRequestOptions,
): Promise<RawWebhookRequest> {
  // Not core's testing `cloneRequest`: that entry needs vitest, and the
  // example app's simulator uses this function at runtime.
  const signed = createRawWebhookRequest({
    method: request.method,
    url: request.url,
    headers: new Headers(request.headers),
    body: request.body.slice(),
    ...(request.remoteAddress === undefined
      ? {}
      : { remoteAddress: request.remoteAddress }),
  });
  const digest = await hmac(algorithm, secret, request.body);
  signed.headers.set('solaris-webhook-signature', `${algorithm}=${digest}`);
  return signed;
}
