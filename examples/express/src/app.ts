import { createWebhooks } from '@finhooks/core';
import { createNodeHandler } from '@finhooks/core/node';
import { createRedpinAdapter } from '@finhooks/redpin';
import express from 'express';

/** The receiver: Redpin deliveries at POST /webhooks/redpin. */
export function createApp(token: string) {
  const webhooks = createWebhooks({
    adapters: [
      createRedpinAdapter({
        // The header and value you configured for Redpin's calls.
        auth: { headers: [{ name: 'x-redpin-webhook-token', value: token }] },
      }),
    ],
  });
  webhooks.on('payment.status_changed', event => {
    console.log('payment', event.data.payment_id, event.data.status);
  });

  const app = express();
  // Before any JSON parser: the handler needs the raw body.
  app.post('/webhooks/redpin', createNodeHandler(webhooks));
  app.use(express.json()); // the rest of your API
  app.get('/health', (_request, response) => void response.send('ok'));
  return { app, webhooks };
}
