// Two receiver processes on one PostgreSQL database, every delivery sent to
// both (as a provider retrying against a load balancer would): exactly one
// stored copy of each, thanks to the (provider, id) unique constraint.
import { createRawWebhookRequest } from '@finhooks/core';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../src/examples';
import {
  TEST_ENV,
  createPostgresDatabase,
  mapLimit,
  queryPostgres,
  spawnServer,
  waitFor,
  type ChildServer,
  operatorFetch,
} from './helpers';

const DELIVERIES = 1000;

describe('two server processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let servers: ChildServer[] = [];

  beforeAll(async () => {
    database = await createPostgresDatabase();
    servers = await Promise.all(
      [0, 1].map(() => spawnServer({ DATABASE_URL: database.url })),
    );
  });

  afterAll(async () => {
    await Promise.all(servers.map(server => server.stop()));
    await database?.drop();
  });

  it(`should store each of ${DELIVERIES} deliveries sent to both exactly once`, async () => {
    const example = tradevestExamples.find(
      candidate => candidate.name === 'customer-notification',
    )!;
    const template = JSON.parse(String(example.request.body)) as Record<
      string,
      unknown
    >;
    const jobs = Array.from(
      { length: DELIVERIES },
      (_, index) => index,
    ).flatMap(index => servers.map(server => ({ index, server })));
    const answers = await mapLimit(jobs, 32, async ({ index, server }) => {
      const body = JSON.stringify({
        ...template,
        customerId: `two-instances-${index}`,
      });
      const request = await signTradevestRequest(
        createRawWebhookRequest({
          ...example.request,
          url: `${server.url}/webhooks/tradevest/customer-notification`,
          body,
        }),
        { secret: TEST_ENV.TRADEVEST_WEBHOOK_TOKEN!, headerName: 'api-key' },
      );
      const response = await send(request);
      return {
        index,
        status: response.status,
        body: (await response.json()) as { id: string; duplicate: boolean },
      };
    });

    expect(answers.filter(answer => answer.status !== 200)).toEqual([]);
    expect(answers.filter(answer => !answer.body.duplicate)).toHaveLength(
      DELIVERIES,
    );
    expect(answers.filter(answer => answer.body.duplicate)).toHaveLength(
      DELIVERIES,
    );
    expect(new Set(answers.map(answer => answer.body.id)).size).toBe(
      DELIVERIES,
    );

    // Straight from the database: the store's default schema is `finhooks`.
    const rows = await queryPostgres(
      database.url,
      "SELECT count(*)::int AS events, count(DISTINCT id)::int AS ids FROM finhooks.events WHERE provider = 'tradevest'",
    );
    expect(rows[0]).toEqual({ events: DELIVERIES, ids: DELIVERIES });
    const deliveries = await queryPostgres(
      database.url,
      'SELECT count(*)::int AS count FROM finhooks.deliveries',
    );
    expect(deliveries[0]!.count).toBe(DELIVERIES);
    // Through the API of either instance: 1,000 stored, all processed.
    const counts = await waitFor(async () => {
      const response = await operatorFetch(`${servers[1]!.url}/api/counts`);
      const { providers } = (await response.json()) as {
        providers: Record<
          string,
          { total: number; states: Record<string, number> }
        >;
      };
      return providers.tradevest?.states.processed === DELIVERIES
        ? providers
        : undefined;
    }, 20_000);
    expect(counts.tradevest!.total).toBe(DELIVERIES);
  });
});
