// A Cloudflare-Workers-style module: `export default { fetch }`. Its types
// come from the Fetch API alone (no @types/node), as on Workers and Deno.
import { createFetchHandler, createWebhooks } from '@finhooks/core';
import { createSolarisAdapter } from '@finhooks/solaris';

/** The Worker's bindings (secrets set with `wrangler secret put`). */
export interface Env {
  SOLARIS_BOOKING_SECRET: string;
}

function createReceiver(env: Env) {
  const webhooks = createWebhooks({
    adapters: [
      createSolarisAdapter({
        secrets: { BOOKING: env.SOLARIS_BOOKING_SECRET },
      }),
    ],
  });
  webhooks.on('booking.created', event => {
    console.log('booking', event.subject?.id, event.data.amount.value);
  });
  return { webhooks, handle: createFetchHandler(webhooks) };
}

let receiver: ReturnType<typeof createReceiver> | undefined;
/** The router, built once per isolate from its bindings. */
export function receiverFor(env: Env): ReturnType<typeof createReceiver> {
  receiver ??= createReceiver(env);
  return receiver;
}

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    return receiverFor(env).handle(request);
  },
};
