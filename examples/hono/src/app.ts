import { createFetchHandler, createWebhooks } from '@finhooks/core';
import { createDinteroAdapter } from '@finhooks/dintero';
import { Hono } from 'hono';

/** The receiver: Dintero Hooks deliveries at POST /webhooks/dintero. */
export function createApp(secret: string) {
  const webhooks = createWebhooks({
    adapters: [createDinteroAdapter({ secret })],
  });
  webhooks.on('dintero:checkout_transaction', event => {
    console.log('transaction', event.subject?.id, event.normalizedStatus);
  });

  const handle = createFetchHandler(webhooks);
  const app = new Hono();
  // The handler reads the raw body itself: hand it the untouched Request.
  app.post('/webhooks/dintero', c => handle(c.req.raw));
  app.get('/health', c => c.text('ok'));
  return { app, webhooks };
}
