import { serve } from '@hono/node-server';
import { createApp } from './app';

const { app } = createApp(process.env.DINTERO_WEBHOOK_SECRET!);
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000) }, info =>
  console.log(`listening on http://localhost:${info.port}/webhooks/dintero`),
);
