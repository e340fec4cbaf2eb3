import { createWebhooks } from '@finhooks/core';
import { answerNodeRequest } from '@finhooks/core/node';
import { createTradevestAdapter } from '@finhooks/tradevest';
import Fastify from 'fastify';

/** The receiver: Tradevest notifications at POST /webhooks/tradevest/<type-path>. */
export function createApp(apiKey: string) {
  const webhooks = createWebhooks({
    adapters: [
      // The static header you configured on each Tradevest webhook.
      createTradevestAdapter({ headers: [{ name: 'api-key', value: apiKey }] }),
    ],
  });
  webhooks.on('order.status_changed', event => {
    console.log('order', event.subject?.id, event.status);
  });

  const app = Fastify();
  // In a plugin of its own, so the rest of the app keeps Fastify's JSON
  // parser: here no parser reads the body, and finhooks reads the raw bytes
  // from `request.raw` (the signature covers them).
  void app.register(async webhookRoutes => {
    webhookRoutes.removeAllContentTypeParsers();
    webhookRoutes.addContentTypeParser('*', (_request, _payload, done) =>
      done(null),
    );
    webhookRoutes.post('/webhooks/tradevest/*', async (request, reply) => {
      const answer = await answerNodeRequest(webhooks, request.raw);
      return reply
        .code(answer.status)
        .headers(answer.headers)
        .send(answer.body);
    });
  });
  app.get('/health', async () => 'ok');
  return { app, webhooks };
}
