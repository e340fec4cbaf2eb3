// `pnpm bench`: load on a running instance's webhook route with autocannon,
// distinct signed Tradevest deliveries (no dedup shortcut). Only ever
// against loopback. BENCH_URL (default http://localhost:3000), BENCH_SECONDS.
import { createRawWebhookRequest } from '@finhooks/core';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import autocannon from 'autocannon';
import { loadConfig } from './config';

async function main(): Promise<number> {
  const base = new URL(process.env.BENCH_URL ?? 'http://localhost:3000');
  if (!['localhost', '127.0.0.1', '[::1]'].includes(base.hostname)) {
    console.error('bench: only loopback addresses are allowed.');
    return 2;
  }
  const tradevest = loadConfig(process.env).providers.tradevest;
  if (!tradevest) {
    console.error(
      'bench: configure Tradevest (TRADEVEST_WEBHOOK_HEADER/TOKEN) or use FINHOOKS_DEMO=1, as for the server.',
    );
    return 2;
  }
  const example = tradevestExamples.find(
    candidate => candidate.name === 'customer-notification',
  )!;
  const template = JSON.parse(String(example.request.body)) as Record<
    string,
    unknown
  >;
  const url = new URL(
    '/webhooks/tradevest/customer-notification',
    base,
  ).toString();
  const signed = await signTradevestRequest(
    createRawWebhookRequest({ ...example.request, url }),
    {
      secret: tradevest.token,
      headerName: tradevest.header,
    },
  );
  const headers = Object.fromEntries(signed.headers);
  let counter = 0;
  const run = Date.now().toString(36);
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    requests: [
      {
        setupRequest: request => ({
          ...request,
          body: JSON.stringify({
            ...template,
            customerId: `bench-${run}-${counter++}`,
          }),
        }),
      },
    ],
  });
  console.log(autocannon.printResult(result));
  return result.non2xx > 0 || result.errors > 0 ? 1 : 0;
}

main().then(
  code => process.exit(code),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
