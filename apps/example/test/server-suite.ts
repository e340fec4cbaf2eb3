// The integration suite every database runs: the real server, real
// adapters, real store, real HTTP.
import {
  createRawWebhookRequest,
  webhookEventV1Schema,
  type RawWebhookRequest,
  type WebhookAdapterV1,
  type WebhookEventV1,
} from '@finhooks/core';
import { createTradevestAdapter } from '@finhooks/tradevest';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, signedExamples, type SignedExample } from '../src/examples';
import type { RunningServer } from '../src/start-server';
import {
  TEST_ENV,
  startTestServer,
  testConfig,
  waitFor,
  type TestDatabase,
  operatorFetch,
} from './helpers';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = new URL(url).pathname.startsWith('/webhooks/')
    ? await fetch(url, init)
    : await operatorFetch(url, init);
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body, headers: response.headers };
}

async function deliver(request: RawWebhookRequest): Promise<Answer> {
  const response = await send(request);
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

/** How the page asks for a replay: a same-origin JSON POST. */
const REPLAY: RequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{}',
};

const customerExample = tradevestExamples.find(
  example => example.name === 'customer-notification',
)!;

/** A signed Tradevest customer notification with a body of our choosing. */
async function tradevestDelivery(
  baseUrl: string,
  body: unknown,
  token = TEST_ENV.TRADEVEST_WEBHOOK_TOKEN!,
): Promise<RawWebhookRequest> {
  const request = createRawWebhookRequest({
    ...customerExample.request,
    url: `${baseUrl}/webhooks/tradevest/customer-notification`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return signTradevestRequest(request, {
    secret: token,
    headerName: 'api-key',
  });
}

const customerBody = JSON.parse(String(customerExample.request.body)) as Record<
  string,
  unknown
>;

/** Registers the suite for one database. `open` gives a fresh one per file. */
export function defineServerSuite(
  name: string,
  open: () => Promise<{ database: TestDatabase; cleanup: () => Promise<void> }>,
): void {
  describe(`example server on ${name}`, () => {
    let database: TestDatabase;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    let base: string;
    const statuses: number[] = [];
    let failOnce: Set<string>;

    beforeAll(async () => {
      ({ database, cleanup } = await open());
      failOnce = new Set();
      server = await startTestServer(database, {
        setup: webhooks => {
          // A handler that fails the first time it sees a marked event.
          webhooks.onAny(event => {
            const data = event.data as { customerId?: unknown };
            if (
              typeof data.customerId === 'string' &&
              data.customerId.startsWith('fail-once-') &&
              !failOnce.has(event.id)
            ) {
              failOnce.add(event.id);
              throw new Error('simulated handler failure');
            }
          });
        },
      });
      base = server.url;
    });

    afterAll(async () => {
      await server?.close();
      await cleanup?.();
      expect(statuses).not.toContain(410);
    });

    const track = (answer: Answer) => {
      statuses.push(answer.status);
      return answer;
    };

    it('should answer /healthz with the database kind', async () => {
      const answer = await call(`${base}/healthz`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ok: true, store: database.kind });
    });

    let examples: SignedExample[] = [];
    const accepted = new Map<string, Record<string, unknown>>();

    it('should accept every signed example of every provider with 200, then answer duplicates with 200', async () => {
      examples = await signedExamples(testConfig(database), base);
      const providers = new Set(examples.map(example => example.provider));
      expect([...providers].sort()).toEqual([
        'dintero',
        'redpin',
        'solaris',
        'tradevest',
      ]);
      // Every provider retries: the same delivery again is a duplicate. (A
      // retry comes right after: for id-less events a retry of A after B
      // is, by design, indistinguishable from a genuine new A.)
      for (const example of examples) {
        const first = track(await deliver(example.request));
        expect(
          first.status,
          `${example.provider} ${example.name}: ${JSON.stringify(first.body)}`,
        ).toBe(200);
        if (typeof first.body.id === 'string') {
          const key = `${example.provider}:${first.body.id}`;
          if (first.body.duplicate === false) accepted.set(key, first.body);
        }
        const again = track(await deliver(example.request));
        expect(again.status).toBe(200);
        if (typeof again.body.id === 'string')
          expect(
            again.body.duplicate,
            `${example.provider} ${example.name}`,
          ).toBe(true);
      }
      expect(accepted.size).toBeGreaterThan(60);
      const counts = await call(`${base}/api/counts`);
      const total = Object.values(
        counts.body.providers as Record<string, { total: number }>,
      ).reduce((sum, entry) => sum + entry.total, 0);
      expect(total).toBe(accepted.size);
    });

    it('should list events newest first with cursor pagination and filters', async () => {
      const seen: WebhookEventV1[] = [];
      let cursor: string | null = null;
      do {
        const query: string =
          cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const page = await call(`${base}/api/events?limit=7${query}`);
        expect(page.status).toBe(200);
        const events = page.body.events as WebhookEventV1[];
        expect(events.length).toBeLessThanOrEqual(7);
        seen.push(...events);
        cursor = page.body.nextCursor as string | null;
      } while (cursor !== null);
      expect(seen).toHaveLength(accepted.size);
      expect(
        new Set(seen.map(event => `${event.provider}:${event.id}`)),
      ).toEqual(new Set(accepted.keys()));
      const times = seen.map(event => Date.parse(event.receivedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      for (const event of seen)
        expect(webhookEventV1Schema.safeParse(event).success).toBe(true);

      const solaris = await call(
        `${base}/api/events?provider=solaris&limit=500`,
      );
      const solarisEvents = solaris.body.events as WebhookEventV1[];
      expect(solarisEvents.length).toBeGreaterThan(10);
      expect(solarisEvents.every(event => event.provider === 'solaris')).toBe(
        true,
      );

      const typed = await call(
        `${base}/api/events?type=customer.status_changed&limit=500`,
      );
      const typedEvents = typed.body.events as WebhookEventV1[];
      expect(typedEvents.length).toBeGreaterThan(0);
      expect(
        typedEvents.every(event => event.type === 'customer.status_changed'),
      ).toBe(true);

      expect((await call(`${base}/api/events?limit=0`)).status).toBe(400);
      expect((await call(`${base}/api/events?limit=abc`)).status).toBe(400);
      const badCursor = await call(`${base}/api/events?cursor=not-a-cursor`);
      expect(badCursor.status).toBe(400);
      expect(badCursor.body).toMatchObject({
        ok: false,
        error: { code: 'cursor_invalid' },
      });
    });

    it('should return one event, its CloudEvent and its raw delivery, and 404 JSON for none', async () => {
      const [key] = [...accepted.keys()].filter(k => k.startsWith('solaris:'));
      const [provider, id] = [
        key!.slice(0, key!.indexOf(':')),
        key!.slice(key!.indexOf(':') + 1),
      ];
      const path = `${base}/api/events/${provider}/${encodeURIComponent(id!)}`;
      const one = await call(path);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ specVersion: '1', provider, id });

      const cloud = await call(`${path}/cloudevent`);
      expect(cloud.status).toBe(200);
      expect(cloud.headers.get('content-type')).toContain(
        'application/cloudevents+json',
      );
      const event = new CloudEvent(cloud.body as never, true);
      expect(event.validate()).toBe(true);
      expect(event.id).toBe(id);
      expect(event.type).toBe(`finhooks.${String(one.body.type)}`);

      const delivery = await call(`${path}/delivery`);
      expect(delivery.status).toBe(200);
      const raw = delivery.body.delivery as {
        method: string;
        headers: Record<string, string>;
        body: string;
      };
      expect(raw.method).toBe('POST');
      // The signature is not stored: a stored MAC invites offline guessing.
      expect(raw.headers['solaris-webhook-signature']).toBeUndefined();
      expect(raw.headers['solaris-webhook-event-type']).toBeDefined();
      expect(JSON.parse(raw.body)).toBeTypeOf('object');

      const missing = await call(`${base}/api/events/solaris/no-such-id`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({
        ok: false,
        error: { code: 'event_not_found' },
      });
      expect(
        (await call(`${base}/api/events/solaris/no-such-id/cloudevent`)).status,
      ).toBe(404);
    });

    it('should never store credential headers', async () => {
      const page = await call(`${base}/api/events?provider=tradevest&limit=1`);
      const [event] = page.body.events as WebhookEventV1[];
      const delivery = await call(
        `${base}/api/events/tradevest/${encodeURIComponent(event!.id)}/delivery`,
      );
      const headers = (
        delivery.body.delivery as { headers: Record<string, string> }
      ).headers;
      expect(headers['api-key']).toBeUndefined();
      expect(JSON.stringify(delivery.body)).not.toContain(
        TEST_ENV.TRADEVEST_WEBHOOK_TOKEN,
      );
    });

    it('should answer 401 to missing or wrong credentials and signatures', async () => {
      const pick = (provider: string) =>
        examples.find(
          example =>
            example.provider === provider && example.type !== 'handshake',
        )!;
      const [dintero, solaris, redpin] = [
        pick('dintero'),
        pick('solaris'),
        pick('redpin'),
      ];
      const tamper = (
        request: RawWebhookRequest,
        header: string,
        value: string | null,
      ) => {
        const headers = new Headers(request.headers);
        if (value === null) headers.delete(header);
        else headers.set(header, value);
        return { ...request, headers };
      };
      const cases: [string, RawWebhookRequest][] = [
        [
          'dintero bad signature',
          tamper(dintero.request, 'event-signature', '0'.repeat(40)),
        ],
        [
          'solaris bad signature',
          tamper(
            solaris.request,
            'solaris-webhook-signature',
            `sha256=${'0'.repeat(64)}`,
          ),
        ],
        [
          'redpin wrong token',
          tamper(redpin.request, TEST_ENV.REDPIN_WEBHOOK_HEADER!, 'wrong'),
        ],
        [
          'tradevest missing header',
          tamper(await tradevestDelivery(base, customerBody), 'api-key', null),
        ],
        [
          'dintero callback without signature',
          tamper(
            examples.find(example => example.request.url.includes('/callback'))!
              .request,
            'dintero-signature',
            null,
          ),
        ],
      ];
      for (const [label, request] of cases) {
        const answer = track(await deliver(request));
        expect(answer.status, label).toBe(401);
        expect(answer.body.ok, label).toBe(false);
      }
    });

    it('should answer 400 to an authentic body that is not JSON', async () => {
      const answer = track(
        await deliver(await tradevestDelivery(base, '{not json')),
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        ok: false,
        error: { code: 'json_invalid' },
      });
    });

    it('should answer 413 to a body over 1 MiB', async () => {
      const big = JSON.stringify({
        ...customerBody,
        padding: 'x'.repeat(1024 * 1024),
      });
      const answer = track(await deliver(await tradevestDelivery(base, big)));
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({
        ok: false,
        error: { code: 'body_too_large' },
      });
    });

    it('should answer 405 to wrong methods, with Allow', async () => {
      for (const [method, path, allow] of [
        ['GET', '/webhooks/solaris', 'POST'],
        ['GET', '/webhooks/dintero', 'POST'],
        ['PUT', '/webhooks/redpin', 'POST'],
        ['GET', '/webhooks/tradevest/customer-notification', 'POST'],
        ['DELETE', '/webhooks/dintero/callback', 'GET, POST'],
      ] as const) {
        const answer = track(await call(`${base}${path}`, { method }));
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.get('allow')).toBe(allow);
      }
    });

    it('should answer 404 to unknown webhook routes', async () => {
      for (const path of [
        '/webhooks/stripe',
        '/webhooks',
        '/webhooks/tradevest',
        '/webhooks/tradevest/a/b',
        '/webhooks/dintero/other',
        '/nope',
      ]) {
        const answer = track(
          await call(`${base}${path}`, { method: 'POST', body: '{}' }),
        );
        expect(answer.status, path).toBe(404);
        expect(answer.body.ok).toBe(false);
      }
    });

    it('should answer 404 to an authentic Tradevest delivery on a path the adapter does not know', async () => {
      // The Tradevest adapter's choice: an unknown per-type path is no route.
      const request = await tradevestDelivery(base, {
        stakingId: 'st-1',
        status: 'CREATED',
      });
      const answer = track(
        await deliver({
          ...request,
          url: `${base}/webhooks/tradevest/crypto-staking-notification`,
        }),
      );
      expect(answer.status).toBe(404);
    });

    it('should retry a failed handler from the store until it succeeds', async () => {
      const answer = track(
        await deliver(
          await tradevestDelivery(base, {
            ...customerBody,
            customerId: `fail-once-${Date.now()}`,
          }),
        ),
      );
      expect(answer.status).toBe(200);
      const id = String(answer.body.id);
      const delivery = await waitFor(async () => {
        const state = await call(
          `${base}/api/events/tradevest/${encodeURIComponent(id)}/delivery`,
        );
        return state.body.state === 'processed' ? state.body : undefined;
      }, 15_000);
      expect(delivery.attempts).toBe(2);
      expect(failOnce.has(id)).toBe(true);
      const metrics = await (await operatorFetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(
        /finhooks_handler_failures_total\{provider="tradevest"\} 1/,
      );
    });

    it('should quarantine an authentic invalid payload and replay it after an upgrade', async () => {
      const drifted = {
        ...customerBody,
        customerId: 12345,
        status: ['ACTIVE'],
      };
      const answer = track(
        await deliver(await tradevestDelivery(base, drifted)),
      );
      expect(answer.status).toBe(200);
      const id = String(answer.body.id);
      const key = `tradevest:${id}`;

      const quarantine = await call(`${base}/api/quarantine`);
      const listed = (
        quarantine.body.events as (WebhookEventV1 & { issues: unknown[] })[]
      ).find(event => event.id === id);
      expect(listed).toBeDefined();
      expect(listed!.issues.length).toBeGreaterThan(0);

      // The same adapter still finds it invalid: it stays in quarantine.
      const same = await call(
        `${base}/api/quarantine/${encodeURIComponent(key)}/replay`,
        REPLAY,
      );
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ ok: true, state: 'quarantined' });

      expect(
        (
          await call(
            `${base}/api/quarantine/${encodeURIComponent('tradevest:nope')}/replay`,
            REPLAY,
          )
        ).status,
      ).toBe(404);
      expect(
        (await call(`${base}/api/quarantine/nocolon/replay`, REPLAY)).status,
      ).toBe(400);
      const processedKey = [...accepted.keys()].find(k =>
        k.startsWith('tradevest:'),
      )!;
      expect(
        (
          await call(
            `${base}/api/quarantine/${encodeURIComponent(processedKey)}/replay`,
            REPLAY,
          )
        ).status,
      ).toBe(409);

      // "Upgrade": a second instance on the same database whose Tradevest
      // adapter accepts the drifted shape replays it into a valid event.
      const real = createTradevestAdapter({
        headers: [
          { name: 'api-key', value: TEST_ENV.TRADEVEST_WEBHOOK_TOKEN! },
        ],
      });
      const upgraded: WebhookAdapterV1 = {
        ...(real as WebhookAdapterV1),
        async receive(request, options) {
          const body = JSON.parse(
            new TextDecoder().decode(request.body),
          ) as Record<string, unknown>;
          const fixed = {
            ...body,
            customerId: String(body.customerId),
            status: Array.isArray(body.status) ? body.status[0] : body.status,
          };
          return (real as WebhookAdapterV1).receive(
            {
              ...request,
              body: new TextEncoder().encode(JSON.stringify(fixed)),
            },
            options,
          );
        },
      };
      const second = await startTestServer(database, { adapters: [upgraded] });
      try {
        const replay = await call(
          `${second.url}/api/quarantine/${encodeURIComponent(key)}/replay`,
          REPLAY,
        );
        expect(replay.status).toBe(200);
        expect(replay.body.state).not.toBe('quarantined');
        const event = replay.body.event as WebhookEventV1 & {
          issues?: unknown;
        };
        expect(event.id).toBe(id);
        expect(event.issues).toBeUndefined();
        expect(event.type).toBe(customerExample.type);
        await waitFor(async () => {
          const state = await call(
            `${second.url}/api/events/tradevest/${encodeURIComponent(id)}/delivery`,
          );
          return state.body.state === 'processed' ? true : undefined;
        });
      } finally {
        await second.close();
      }
      const after = await call(`${base}/api/quarantine`);
      expect(
        (after.body.events as WebhookEventV1[]).some(event => event.id === id),
      ).toBe(false);
    });

    it('should answer 400 to malformed API parameters and cursors, never 500', async () => {
      const cursor = (position: unknown) =>
        Buffer.from(JSON.stringify(position)).toString('base64url');
      const bad = [
        '/api/events?provider=tradevest%00',
        '/api/events?type=%00',
        `/api/events?type=${'t'.repeat(201)}`,
        '/api/events?limit=0',
        '/api/events?limit=501',
        '/api/events?limit=abc',
        '/api/events?limit=1e2',
        '/api/events?limit=-1',
        '/api/events?cursor=%00',
        '/api/events?cursor=not-a-cursor',
        `/api/events?cursor=${'A'.repeat(5000)}`,
        `/api/events?cursor=${cursor([9e15, 'tradevest', 'x'])}`,
        `/api/events?cursor=${cursor([-1e15, 'tradevest', 'x'])}`,
        `/api/events?cursor=${cursor([1e12, 'trade\u0000vest', 'x'])}`,
        `/api/events?cursor=${cursor([1e12, 'tradevest', 'x\u0000'])}`,
        `/api/events?cursor=${cursor([1.5, 'tradevest', 'x'])}`,
        `/api/quarantine?cursor=${cursor([9e15, 'tradevest', 'x'])}`,
        '/api/events/tradevest%00/x',
        '/api/events/tradevest/x%00',
        '/api/events/tradevest/x%00/cloudevent',
        '/api/events/tradevest/x%00/delivery',
        `/api/events/tradevest/${'i'.repeat(600)}`,
      ];
      for (const path of bad) {
        const answer = await call(`${base}${path}`);
        expect(answer.status, path).toBe(400);
        expect(answer.body.ok, path).toBe(false);
      }
      const replay = await call(
        `${base}/api/quarantine/${encodeURIComponent('tradevest:x\u0000')}/replay`,
        REPLAY,
      );
      expect(replay.status).toBe(400);
      // Valid edge values still work.
      expect((await call(`${base}/api/events?limit=500`)).status).toBe(200);
      expect(
        (
          await call(
            `${base}/api/events?cursor=${cursor([1e12, 'tradevest', 'x'])}`,
          )
        ).status,
      ).toBe(200);
    });

    it('should push newly stored events to /api/stream', async () => {
      const controller = new AbortController();
      const response = await operatorFetch(`${base}/api/stream`, {
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toContain(
        'text/event-stream',
      );
      const reader = response
        .body!.pipeThrough(new TextDecoderStream())
        .getReader();
      await reader.read(); // the greeting
      const answer = track(
        await deliver(
          await tradevestDelivery(base, {
            ...customerBody,
            customerId: `live-${Date.now()}`,
          }),
        ),
      );
      let buffer = '';
      while (!buffer.includes(String(answer.body.id))) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
      }
      controller.abort();
      const message = buffer
        .split('\n\n')
        .find(
          chunk =>
            chunk.includes('event: stored') &&
            chunk.includes(String(answer.body.id)),
        )!;
      const data = JSON.parse(
        message
          .split('\n')
          .find(line => line.startsWith('data: '))!
          .slice(6),
      ) as { event: WebhookEventV1; state: string };
      expect(data.event.provider).toBe('tradevest');
      expect(data.state).toBe('processing');
    });

    it('should expose Prometheus metrics', async () => {
      const response = await operatorFetch(`${base}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toMatch(
        /finhooks_webhooks_received_total\{provider="solaris"\} \d+/,
      );
      expect(text).toMatch(
        /finhooks_webhooks_accepted_total\{provider="dintero"\} \d+/,
      );
      expect(text).toMatch(
        /finhooks_webhooks_rejected_total\{provider="redpin",reason="authentication_failed"\} 1/,
      );
      expect(text).toMatch(
        /finhooks_webhooks_rejected_total\{provider="tradevest",reason="json_invalid"\} 1/,
      );
      expect(text).toMatch(
        /finhooks_webhooks_duplicates_total\{provider="solaris"\} \d+/,
      );
      expect(text).toMatch(
        /finhooks_webhooks_quarantined_total\{provider="tradevest"\} 1/,
      );
      expect(text).toMatch(/finhooks_webhook_request_duration_seconds_bucket/);
    });

    it('should serve the page', async () => {
      const page = await operatorFetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain(
        "default-src 'self'",
      );
      expect(await page.text()).toContain('<script src="/app.js"');
      expect((await operatorFetch(`${base}/app.js`)).status).toBe(200);
      const etag = (await operatorFetch(`${base}/app.css`)).headers.get(
        'etag',
      )!;
      expect(
        (
          await operatorFetch(`${base}/app.css`, {
            headers: { 'if-none-match': etag },
          })
        ).status,
      ).toBe(304);
    });
  });
}
