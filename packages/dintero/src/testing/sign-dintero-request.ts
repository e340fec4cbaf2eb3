import {
  copyRawWebhookRequest,
  hmac,
  type RawWebhookRequest,
} from '@finhooks/core';
import {
  createDinteroCallbackSignature,
  dinteroCallbackSignatureHeader,
} from '../dintero-callback-signature';
import { dinteroHooksSignatureHeader } from '../dintero-hooks-verify';
import { dinteroRequestKind } from '../dintero-request-kind';

/** Options of {@link signDinteroRequest}. */
export interface SignDinteroRequestOptions {
  /**
   * The secret of the request's mechanism: the Hooks subscription secret,
   * or the Checkout signature secret for a callback.
   */
  secret: string;
  /** Signing time of a callback (`t=`); default now. */
  now?: Date;
  /** The account id a callback is signed for; required for callbacks. */
  accountId?: string;
  /** The callback path segment, as configured on the adapter. */
  callbackPath?: string;
}

/**
 * Returns a copy of `request` signed exactly as Dintero signs it: a Hooks
 * delivery gets `event-signature` (HMAC-SHA1 hex of the body); a request to
 * the callback path gets `Dintero-Signature` (`t=…,v0-hmac-sha256=…` over
 * timestamp, account id, method, hostname, path and sorted query of its URL).
 */
export async function signDinteroRequest(
  request: RawWebhookRequest,
  {
    secret,
    now = new Date(),
    accountId,
    callbackPath = 'callback',
  }: SignDinteroRequestOptions,
): Promise<RawWebhookRequest> {
  const signed = copyRawWebhookRequest(request);
  if (dinteroRequestKind(request, callbackPath) === 'hooks') {
    signed.headers.set(
      dinteroHooksSignatureHeader,
      await hmac('sha1', secret, request.body),
    );
    return signed;
  }
  if (accountId === undefined) {
    throw new TypeError(
      'signDinteroRequest: a Checkout callback is signed for an account; pass `accountId` (e.g. "T12345678").',
    );
  }
  const header = await createDinteroCallbackSignature(secret, {
    timestamp: Math.floor(now.getTime() / 1000),
    accountId,
    method: request.method,
    url: new URL(request.url),
  });
  signed.headers.set(dinteroCallbackSignatureHeader, header);
  return signed;
}
