import type { RawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import type { WebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import { RouteNotFoundError } from '../errors/route-not-found-error';
import { noProviderMessage } from './resolve-provider';
import type { WebhookOutcome, Webhooks } from '../router/create-webhooks';
import {
  errorToHttpResponse,
  outcomeToHttpResponse,
  type WebhookHttpResponse,
} from './to-http-response';

/** What happened to one HTTP delivery, for metrics and access logs. */
export interface WebhookRequestResult {
  /** The provider the request was routed to, if any. */
  provider: string | undefined;
  method: string;
  /** The request URL as received. */
  url: string;
  /** The HTTP status answered. */
  status: number;
  /** Set when the delivery was accepted (new, duplicate or handshake). */
  outcome?: WebhookOutcome;
  /** Set when it was refused or failed (a finhooks error, usually). */
  error?: unknown;
  durationMs: number;
}

/** Called once per request, after the answer is decided. Must not throw. */
export type WebhookResultListener = (result: WebhookRequestResult) => void;

/**
 * The part both HTTP handlers share: route to the provider, run the
 * pipeline, turn the outcome or error into an HTTP answer, report it.
 */
export async function answerDelivery<TEvent extends WebhookEventV1>(
  webhooks: Webhooks<TEvent>,
  provider: string | undefined,
  { method, url }: { method: string; url: URL },
  readRequest: (provider: string) => Promise<RawWebhookRequest>,
  onResult: WebhookResultListener | undefined,
): Promise<WebhookHttpResponse> {
  const started = performance.now();
  const result: Omit<WebhookRequestResult, 'status' | 'durationMs'> = {
    provider,
    method,
    url: url.href,
  };
  let response: WebhookHttpResponse;
  try {
    let request: RawWebhookRequest;
    try {
      if (provider === undefined) {
        throw new RouteNotFoundError({
          message: noProviderMessage(url.pathname, webhooks.adapters.keys()),
        });
      }
      request = await readRequest(provider);
    } catch (error) {
      // Refused before the router saw it (no route, too large, already
      // parsed): still an error the application must hear about.
      webhooks.reportError(error, provider === undefined ? {} : { provider });
      throw error;
    }
    result.outcome = await webhooks.receive(provider, request);
    response = outcomeToHttpResponse(result.outcome);
  } catch (error) {
    result.error = error;
    response = errorToHttpResponse(error);
  }
  try {
    onResult?.({
      ...result,
      status: response.status,
      durationMs: performance.now() - started,
    });
  } catch {
    // A metrics listener must never change the answer to the provider.
  }
  return response;
}
