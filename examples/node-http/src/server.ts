import { createServer } from 'node:http';
import { createWebhooks } from '@finhooks/core';
import { createNodeHandler } from '@finhooks/core/node';
import { createDinteroAdapter } from '@finhooks/dintero';

/** A plain `node:http` server; one adapter, so any path routes to it. */
export function createReceiver(secret: string) {
  const webhooks = createWebhooks({
    adapters: [createDinteroAdapter({ secret })],
  });
  webhooks.on('dintero:checkout_transaction', event => {
    console.log('transaction', event.subject?.id, event.normalizedStatus);
  });
  return { server: createServer(createNodeHandler(webhooks)), webhooks };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { server } = createReceiver(process.env.DINTERO_WEBHOOK_SECRET!);
  const port = Number(process.env.PORT ?? 3000);
  server.listen(port, () => console.log(`listening on :${port}`));
}
