import { createHash } from 'node:crypto';
import {
  createDinteroAdapter,
  type DinteroAdapterSettings,
} from '@finhooks/dintero';
import {
  dinteroExamples,
  dinteroHandshakeExamples,
  signDinteroRequest,
} from '@finhooks/dintero/testing';
import { ConfigError, read, type Env } from '../env';
import type { Example, ExampleSet, ProviderModule } from './provider-module';

/** Dintero: Hooks API secret and/or Checkout callback secret + account. */
export interface DinteroConfig {
  webhookSecret?: string;
  checkout?: { secret: string; accountId: string };
}

function readDintero(env: Env): DinteroConfig | undefined {
  const webhookSecret = read(env, 'DINTERO_WEBHOOK_SECRET');
  const checkoutSecret = read(env, 'DINTERO_CHECKOUT_SECRET');
  const accountId = read(env, 'DINTERO_ACCOUNT_ID');
  if (checkoutSecret !== undefined && accountId === undefined) {
    throw new ConfigError(
      'DINTERO_CHECKOUT_SECRET needs DINTERO_ACCOUNT_ID: Checkout callback signatures cover the account id (e.g. T12345678).',
    );
  }
  const config: DinteroConfig = {};
  if (webhookSecret !== undefined) config.webhookSecret = webhookSecret;
  if (checkoutSecret !== undefined && accountId !== undefined) {
    config.checkout = { secret: checkoutSecret, accountId };
  }
  return Object.keys(config).length === 0 ? undefined : config;
}

/**
 * The published Dintero Hooks examples share two `event-delivery` ids, so
 * all but two would be deduplicated away. Give each example its own stable
 * id (header and signed body alike) so every one shows up once, and a
 * second simulator run shows the deduplication.
 */
function distinctDinteroDelivery(example: Example): Example {
  const id = createHash('sha256')
    .update(`finhooks-simulator:${example.name}`)
    .digest('hex');
  const deliveryId = `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${id.slice(17, 20)}-${id.slice(20, 32)}`;
  const headers = new Headers(example.request.headers);
  headers.set('event-delivery', deliveryId);
  let body = example.request.body;
  const text =
    typeof body === 'string'
      ? body
      : new TextDecoder().decode(body ?? new Uint8Array());
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    for (const key of ['event_delivery', 'event-delivery']) {
      if (key in parsed) parsed[key] = deliveryId;
    }
    body = JSON.stringify(parsed);
  } catch {
    // not JSON: leave the body as published
  }
  return { ...example, request: { ...example.request, headers, body } };
}

export const dintero: ProviderModule<'dintero', DinteroConfig> = {
  name: 'dintero',
  readConfig: readDintero,
  demo: {
    webhookSecret: 'demo-dintero-hooks-secret',
    checkout: {
      secret: 'demo-dintero-checkout-secret',
      accountId: 'T12345678',
    },
  },
  describe: ({ webhookSecret, checkout }) => ({
    hooks: webhookSecret !== undefined,
    checkoutCallback: checkout !== undefined,
  }),
  createAdapter: ({ webhookSecret, checkout: configured }, publicUrl) => {
    const checkout = configured && {
      ...configured,
      ...(publicUrl !== undefined && { publicUrl }),
    };
    // At least one mechanism is configured (readConfig makes sure).
    const settings: DinteroAdapterSettings =
      webhookSecret !== undefined
        ? { secret: webhookSecret, ...(checkout && { checkout }) }
        : { checkout: checkout! };
    return createDinteroAdapter(settings);
  },
  exampleSets: ({ webhookSecret, checkout }, now) => {
    const sets: ExampleSet[] = [];
    if (webhookSecret !== undefined) {
      sets.push({
        examples: [
          ...dinteroHandshakeExamples.map(example => ({
            ...example,
            type: 'handshake',
          })),
          ...dinteroExamples
            .filter(example => example.mechanism === 'hooks')
            .map(distinctDinteroDelivery),
        ],
        sign: request =>
          signDinteroRequest(request, { secret: webhookSecret, now }),
      });
    }
    if (checkout) {
      sets.push({
        examples: dinteroExamples.filter(
          example => example.mechanism === 'callback',
        ),
        sign: request => signDinteroRequest(request, { ...checkout, now }),
      });
    }
    return sets;
  },
  routes: [
    { path: '/webhooks/dintero', methods: ['POST'] },
    // Checkout `callback_url`: GET by default, POST with `method=POST`.
    { path: '/webhooks/dintero/callback', methods: ['GET', 'POST'] },
  ],
};
