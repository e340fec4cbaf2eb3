// A Cloudflare-Workers-style module: `export default { fetch }`. Types come
// from the Fetch API only (no @types/node): what Workers, Deno and Bun see.
import {
  createFetchHandler,
  createWebhooks,
  type WebhooksEvent,
  type Webhooks,
} from '@finhooks/core';
import { createSolarisAdapter, type SolarisAdapter } from '@finhooks/solaris';

export interface Env {
  SOLARIS_BOOKING_SECRET: string;
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

type Receiver = Webhooks<WebhooksEvent<[SolarisAdapter]>>;

/** The router, built once per isolate from its bindings. */
let receiver: Receiver | undefined;
export function webhooksFor(env: Env, ctx: ExecutionContext): Receiver {
  receiver ??= createWebhooks({
    adapters: [
      createSolarisAdapter({ secrets: { BOOKING: env.SOLARIS_BOOKING_SECRET } }),
    ],
    waitUntil: promise => ctx.waitUntil(promise),
  });
  return receiver;
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const webhooks = webhooksFor(env, ctx);
    if (webhooks.adapters.size === 1 && !subscribed) {
      subscribed = true;
      webhooks.on('booking.created', event => {
        console.log('booking', event.subject?.id, event.data.amount.value);
      });
    }
    return createFetchHandler(webhooks)(request);
  },
};
let subscribed = false;
