import {
  copyRawWebhookRequest,
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
  const signed = copyRawWebhookRequest(request);
  const digest = await hmac(algorithm, secret, request.body);
  signed.headers.set('solaris-webhook-signature', `${algorithm}=${digest}`);
  return signed;
}
