// The identity rules of docs/trust-model.md, for every provider, on every
// store (memory, SQLite, PostgreSQL): a retry is one event; id-less A, B, A
// for one subject are three; identical bytes past the window are new; a
// Checkout callback re-signed with a new `t` is one event; a fresh unsigned
// delivery-id header does not make a replay new.
import { randomBytes } from 'node:crypto';
import {
  createMemoryStore,
  createRawWebhookRequest,
  createWebhooks,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
  type WebhookAdapterV1,
  type WebhookStore,
} from '@finhooks/core';
import { createDinteroAdapter } from '@finhooks/dintero';
import { dinteroExamples, signDinteroRequest } from '@finhooks/dintero/testing';
import { createRedpinAdapter } from '@finhooks/redpin';
import {
  REDPIN_TEST_TOKEN_HEADER,
  redpinExamples,
  signRedpinRequest,
} from '@finhooks/redpin/testing';
import { createSolarisAdapter } from '@finhooks/solaris';
import { signSolarisRequest, solarisExamples } from '@finhooks/solaris/testing';
import { createPostgresStore } from '@finhooks/store-postgres';
import { createSqliteStore } from '@finhooks/store-sqlite';
import { createTradevestAdapter } from '@finhooks/tradevest';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const secret = 'identity-matrix-secret';
const accountId = 'T12345678';
const DAY = 24 * 60 * 60 * 1000;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** A store whose clock the test moves (`advance`). */
interface ClockedStore {
  store: WebhookStore;
  advance(ms: number): void;
  close(): Promise<void>;
}

const connectionString =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const prefix = `finhooks_identity_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Pool({ connectionString, max: 2 });
let schemas = 0;
afterAll(async () => {
  const { rows } = await admin.query<{ nspname: string }>(
    'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
    [`${prefix}%`],
  );
  for (const { nspname } of rows)
    await admin.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  await admin.end();
});

const stores: Record<string, () => Promise<ClockedStore>> = {
  memory: async () => {
    let offset = 0;
    return {
      store: createMemoryStore({ now: () => Date.now() + offset }),
      advance: ms => void (offset += ms),
      close: async () => {},
    };
  },
  SQLite: async () => {
    let offset = 0;
    const store = createSqliteStore({
      filename: ':memory:',
      now: () => Date.now() + offset,
    });
    await store.migrate();
    return {
      store,
      advance: ms => void (offset += ms),
      close: () => store.close(),
    };
  },
  PostgreSQL: async () => {
    let offset = 0;
    const store = createPostgresStore({
      connectionString,
      schema: `${prefix}_${++schemas}`,
      now: () => Date.now() + offset,
    });
    await store.migrate();
    return {
      store,
      advance: ms => void (offset += ms),
      close: () => store.close(),
    };
  },
};

/** A copy of an example with its JSON body changed. */
function withBody(
  init: RawWebhookRequestInit,
  change: (body: Record<string, unknown>) => void,
): RawWebhookRequestInit {
  const body = JSON.parse(String(init.body)) as Record<string, unknown>;
  change(body);
  return { ...init, body: JSON.stringify(body) };
}

function withHeader(
  request: RawWebhookRequest,
  name: string,
  value: string,
): RawWebhookRequest {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return { ...request, headers, body: request.body.slice() };
}

function find<T extends { name: string }>(list: readonly T[], part: string): T {
  const found = list.find(item => item.name.includes(part));
  if (found === undefined) throw new Error(`no example named like ${part}`);
  return found;
}

const solarisCard = find(solarisExamples, 'CARD_LIFECYCLE_EVENT').request;
const redpinActive = find(redpinExamples, 'customer status: active').request;
const redpinInactive = find(
  redpinExamples,
  'customer status: inactive',
).request;
const redpinPayment = find(redpinExamples, 'payment status: envelope').request;
const tradevestCustomer = find(
  tradevestExamples,
  'customer-notification',
).request;
const dinteroHook = dinteroExamples.find(e => e.mechanism === 'hooks')!.request;
const dinteroCallback = dinteroExamples.find(
  e => e.mechanism === 'callback',
)!.request;

interface Provider {
  adapter: WebhookAdapterV1;
  sign: (init: RawWebhookRequestInit, now?: Date) => Promise<RawWebhookRequest>;
  /** Two bodies of one subject with different content (A and B), if id-less. */
  contentPair?: [RawWebhookRequestInit, RawWebhookRequestInit];
  /** A delivery whose identity is a provider id or signed material. */
  keyed?: RawWebhookRequestInit;
  /** Its unsigned delivery-id header, where the provider sends one. */
  deliveryIdHeader?: string;
  windowMs?: number;
}

const providers: Record<string, Provider> = {
  dintero: {
    adapter: createDinteroAdapter({
      secret,
      checkout: { secret, accountId },
    }) as WebhookAdapterV1,
    sign: (init, now = new Date()) =>
      signDinteroRequest(createRawWebhookRequest(init), {
        secret,
        accountId,
        now,
      }),
    keyed: dinteroHook,
    deliveryIdHeader: 'event-delivery',
  },
  solaris: {
    adapter: createSolarisAdapter({
      defaultSecret: secret,
    }) as WebhookAdapterV1,
    sign: init => signSolarisRequest(createRawWebhookRequest(init), { secret }),
    contentPair: [
      withBody(solarisCard, body => void (body.status = 'ACTIVE')),
      withBody(solarisCard, body => void (body.status = 'BLOCKED')),
    ],
    deliveryIdHeader: 'solaris-webhook-id',
    windowMs: 5 * DAY,
  },
  redpin: {
    adapter: createRedpinAdapter({
      auth: { headers: [{ name: REDPIN_TEST_TOKEN_HEADER, value: secret }] },
    }) as WebhookAdapterV1,
    sign: init => signRedpinRequest(createRawWebhookRequest(init), { secret }),
    contentPair: [redpinActive, redpinInactive],
    keyed: redpinPayment,
    windowMs: DAY,
  },
  tradevest: {
    adapter: createTradevestAdapter({
      headers: [{ name: 'api-key', value: secret }],
    }) as WebhookAdapterV1,
    sign: init =>
      signTradevestRequest(createRawWebhookRequest(init), { secret }),
    contentPair: [
      withBody(tradevestCustomer, body => void (body.status = 'CREATED')),
      withBody(tradevestCustomer, body => void (body.status = 'ACTIVE')),
    ],
    windowMs: DAY,
  },
};

describe.each(Object.keys(stores))('identity rules on the %s store', kind => {
  async function setup(provider: Provider) {
    const clocked = await stores[kind]!();
    const webhooks = createWebhooks({
      adapters: [provider.adapter],
      store: clocked.store,
      logger: silent,
    });
    webhooks.onAny(() => {});
    webhooks.onInvalid(() => {});
    const receive = async (request: RawWebhookRequest) =>
      (await webhooks.receive(provider.adapter.provider, request)).status;
    return { ...clocked, receive };
  }

  for (const [name, provider] of Object.entries(providers)) {
    const { contentPair, keyed } = provider;
    if (keyed !== undefined) {
      it(`${name}: a retry is one event, whatever its unsigned delivery id`, async () => {
        const { receive, close } = await setup(provider);
        try {
          const signed = await provider.sign(keyed);
          expect(await receive(signed)).toBe('accepted');
          expect(await receive(await provider.sign(keyed))).toBe('duplicate');
          if (provider.deliveryIdHeader !== undefined) {
            const replay = withHeader(
              await provider.sign(keyed),
              provider.deliveryIdHeader,
              'fresh-unsigned-delivery-id',
            );
            expect(await receive(replay)).toBe('duplicate');
          }
        } finally {
          await close();
        }
      });
    }
    if (contentPair !== undefined) {
      it(`${name}: id-less A, B, A are three events; a retry and a fresh unsigned header are not; past the window is new`, async () => {
        const { receive, advance, close } = await setup(provider);
        try {
          const [a, b] = contentPair;
          expect(await receive(await provider.sign(a))).toBe('accepted');
          expect(await receive(await provider.sign(a))).toBe('duplicate');
          expect(await receive(await provider.sign(b))).toBe('accepted');
          expect(await receive(await provider.sign(a))).toBe('accepted');
          if (provider.deliveryIdHeader !== undefined) {
            const replay = withHeader(
              await provider.sign(a),
              provider.deliveryIdHeader,
              'fresh-unsigned-delivery-id',
            );
            expect(await receive(replay)).toBe('duplicate');
          }
          advance(provider.windowMs! + 60_000);
          expect(await receive(await provider.sign(a))).toBe('accepted');
        } finally {
          await close();
        }
      });
    }
  }

  it('dintero: a Checkout callback re-signed with a new t is one event; a fresh event-delivery header too', async () => {
    const provider = providers.dintero!;
    const { receive, close } = await setup(provider);
    try {
      const first = await provider.sign(dinteroCallback, new Date());
      expect(await receive(first)).toBe('accepted');
      const resigned = await provider.sign(
        dinteroCallback,
        new Date(Date.now() + 61_000),
      );
      expect(resigned.headers.get('dintero-signature')).not.toBe(
        first.headers.get('dintero-signature'),
      );
      expect(await receive(resigned)).toBe('duplicate');
      const replay = withHeader(
        await provider.sign(dinteroCallback),
        'event-delivery',
        'fresh-unsigned-delivery-id',
      );
      expect(await receive(replay)).toBe('duplicate');
    } finally {
      await close();
    }
  });
});
