import { FinhooksError } from '../errors/finhooks-error';
import { HandlerError } from '../errors/handler-error';
import { MethodNotAllowedError } from '../errors/method-not-allowed-error';
import { UnprocessableEventError } from '../errors/unprocessable-event-error';
import type { WebhookOutcome } from '../router/create-webhooks';

/** A framework-neutral HTTP answer. */
export interface WebhookHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// A fresh object per answer: servers may add headers (content-length) to
// the object they are given, and a shared one would leak into later answers.
const jsonHeaders = (): Record<string, string> => ({
  'content-type': 'application/json; charset=utf-8',
});

/** The answer for a delivery the router accepted (always 2xx). */
export function outcomeToHttpResponse(
  outcome: WebhookOutcome,
): WebhookHttpResponse {
  if (outcome.status === 'handshake') {
    const { response } = outcome.handshake;
    return {
      status: response.status,
      headers: { ...(response.headers ?? jsonHeaders()) },
      body:
        response.body ??
        JSON.stringify({ ok: true, handshake: outcome.handshake.nativeType }),
    };
  }
  return {
    status: 200,
    headers: jsonHeaders(),
    body: JSON.stringify({
      ok: true,
      id: outcome.event.id,
      duplicate: outcome.status === 'duplicate',
    }),
  };
}

/** The HTTP status for an error; anything unknown is a 500 (the provider retries). */
export function httpStatusOf(error: unknown): number {
  if (HandlerError.isInstance(error)) {
    return error.errors.some(inner => UnprocessableEventError.isInstance(inner))
      ? 422
      : 500;
  }
  if (FinhooksError.isInstance(error)) {
    // 410 would make Solaris cancel the subscription: never send it.
    return error.httpStatus === 410 ? 500 : error.httpStatus;
  }
  return 500;
}

/** The answer for a refused or failed delivery. Never leaks stacks or secrets. */
export function errorToHttpResponse(error: unknown): WebhookHttpResponse {
  const status = httpStatusOf(error);
  const headers = jsonHeaders();
  if (MethodNotAllowedError.isInstance(error))
    headers.allow = error.allowed.join(', ');
  const body = FinhooksError.isInstance(error)
    ? { ok: false, error: { code: error.code, message: error.message } }
    : {
        ok: false,
        error: {
          code: 'internal_error',
          message: 'Internal error; the provider should retry.',
        },
      };
  return { status, headers, body: JSON.stringify(body) };
}
