import { createApp } from './app';

const { app } = createApp(process.env.TRADEVEST_WEBHOOK_TOKEN!);
const address = await app.listen({ port: Number(process.env.PORT ?? 3000) });
console.log(`listening on ${address}/webhooks/tradevest/<notification-path>`);
