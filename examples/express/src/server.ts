import { createApp } from './app';

const { app } = createApp(process.env.REDPIN_WEBHOOK_TOKEN!);
const port = Number(process.env.PORT ?? 3000);
app.listen(port, () =>
  console.log(`listening on http://localhost:${port}/webhooks/redpin`),
);
