import { lastPathSegment, type RawWebhookRequest } from '@finhooks/core';

/** The two Dintero push mechanisms, which sign differently. */
export type DinteroRequestKind = 'hooks' | 'callback';

/**
 * A request whose path ends in the callback segment is a Checkout callback;
 * anything else is a Hooks API delivery. The path is read from the request
 * itself (the route this server mounted), not from the public URL.
 */
export function dinteroRequestKind(
  request: RawWebhookRequest,
  callbackPath: string,
): DinteroRequestKind {
  return lastPathSegment(request) === callbackPath ? 'callback' : 'hooks';
}
