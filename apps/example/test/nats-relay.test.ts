// The NATS JetStream relay in the app (NATS_URL) against the real
// nats-server on 127.0.0.1:4222: every acknowledged delivery is exactly once
// in the stream, also when the process is killed with SIGKILL mid-run and
// restarted on the same database. Each test has its own stream and prefix.
import { randomBytes } from 'node:crypto';
import { createRawWebhookRequest } from '@finhooks/core';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../src/config';
import { send } from '../src/examples';
import {
  TEST_ENV,
  makeTempDir,
  mapLimit,
  operatorFetch,
  spawnServer,
  startTestServer,
  waitFor,
  type ChildServer,
} from './helpers';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
let nc: NatsConnection;
const streams: string[] = [];

function names() {
  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const stream = `APP_${tag}`.toUpperCase();
  streams.push(stream);
  return { stream, prefix: `app_${tag}` };
}

beforeAll(async () => {
  nc = await connect({ servers: NATS_URL });
});
afterAll(async () => {
  const jsm = await jetstreamManager(nc);
  for (const stream of streams)
    await jsm.streams.delete(stream).catch(() => false);
  await nc.drain();
});

const example = tradevestExamples.find(
  candidate => candidate.name === 'customer-notification',
)!;
const template = JSON.parse(String(example.request.body)) as Record<
  string,
  unknown
>;

/** One signed Tradevest delivery about customer `index`. */
async function deliver(url: string, index: number, run: string) {
  const request = await signTradevestRequest(
    createRawWebhookRequest({
      ...example.request,
      url: `${url}/webhooks/tradevest/customer-notification`,
      body: JSON.stringify({ ...template, customerId: `${run}-${index}` }),
    }),
    { secret: TEST_ENV.TRADEVEST_WEBHOOK_TOKEN!, headerName: 'api-key' },
  );
  const response = await send(request);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as { id: string; duplicate: boolean };
}

interface Message {
  seq: number;
  subject: string;
  msgId: string;
  headers: Record<string, string>;
  body: string;
}

async function readStream(stream: string): Promise<Message[]> {
  const jsm = await jetstreamManager(nc);
  const total = (await jsm.streams.info(stream)).state.messages;
  const consumer = await jetstream(nc).consumers.get(stream, {
    deliver_policy: DeliverPolicy.All,
  });
  const out: Message[] = [];
  while (out.length < total) {
    const batch = await consumer.fetch({
      max_messages: Math.min(500, total - out.length),
      expires: 2000,
    });
    let count = 0;
    for await (const m of batch) {
      count += 1;
      const headers: Record<string, string> = {};
      for (const [name, values] of m.headers ?? [])
        headers[name.toLowerCase()] = values[0] ?? '';
      out.push({
        seq: m.seq,
        subject: m.subject,
        msgId: headers['nats-msg-id'] ?? '',
        headers,
        body: m.string(),
      });
    }
    if (count === 0) break;
  }
  await consumer.delete().catch(() => false);
  return out;
}

/**
 * Waits until the stream holds at least `expected` messages and the relay
 * reports nothing waiting (its lag gauge refreshes every second).
 */
async function relayDrained(url: string, stream: string, expected: number) {
  const jsm = await jetstreamManager(nc);
  return waitFor(async () => {
    const info = await jsm.streams.info(stream).catch(() => undefined);
    if ((info?.state.messages ?? 0) < expected) return undefined;
    const response = await operatorFetch(`${url}/api/relay`);
    const relay = (await response.json()) as {
      lagEvents: number;
      published: number;
      duplicates: number;
      connected: boolean;
    };
    return relay.connected && relay.lagEvents === 0 ? relay : undefined;
  }, 30_000);
}

describe('NATS relay configuration', () => {
  it('is off without NATS_URL, defaults the stream and prefix, and refuses bad names', () => {
    expect(loadConfig({}).nats).toBeUndefined();
    const config = loadConfig({ NATS_URL: 'nats://127.0.0.1:4222' });
    expect(config.nats).toEqual({
      url: 'nats://127.0.0.1:4222',
      stream: 'FINHOOKS',
      subjectPrefix: 'finhooks',
    });
    expect(describeConfig(config).nats).toEqual({
      stream: 'FINHOOKS',
      subjectPrefix: 'finhooks',
    });
    expect(
      loadConfig({
        NATS_URL: 'nats://n:4222',
        NATS_STREAM: 'EVENTS',
        NATS_SUBJECT_PREFIX: 'acme.hooks',
      }).nats,
    ).toMatchObject({ stream: 'EVENTS', subjectPrefix: 'acme.hooks' });
    expect(() =>
      loadConfig({ NATS_URL: 'nats://n:4222', NATS_STREAM: 'A.B' }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({ NATS_URL: 'nats://n:4222', NATS_SUBJECT_PREFIX: 'a.>' }),
    ).toThrow(ConfigError);
  });
});

describe('NATS relay in the app', () => {
  it('publishes every delivery once as a CloudEvent and shows the lag in /api/relay and /metrics', async () => {
    const dir = await makeTempDir();
    const { stream, prefix } = names();
    const server = await startTestServer(
      { kind: 'sqlite', dataDir: dir.path },
      {
        env: {
          NATS_URL,
          NATS_STREAM: stream,
          NATS_SUBJECT_PREFIX: prefix,
        },
      },
    );
    try {
      const ids = await mapLimit(
        Array.from({ length: 50 }, (_, index) => index),
        8,
        async index => (await deliver(server.url, index, 'app')).id,
      );
      await relayDrained(server.url, stream, 50);
      const relay = await waitFor(async () => {
        const response = await operatorFetch(`${server.url}/api/relay`);
        const body = (await response.json()) as { published: number };
        return body.published >= 50 ? body : undefined;
      });
      expect(relay.published).toBe(50);
      const messages = await readStream(stream);
      expect(messages.map(m => m.msgId).sort()).toEqual(
        ids.map(id => `tradevest:${id}`).sort(),
      );
      const first = messages[0]!;
      expect(first.subject).toBe(`${prefix}.tradevest.customer.status_changed`);
      const attributes: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(first.headers))
        if (name.startsWith('ce-'))
          attributes[name.slice(3)] = decodeURIComponent(value);
      const event = new CloudEvent(
        {
          ...attributes,
          datacontenttype: first.headers['content-type'],
          data: JSON.parse(first.body) as unknown,
        } as never,
        true,
      );
      expect(event.source).toBe('/finhooks/tradevest');
      expect(event.type).toBe('customer.status_changed');
      const metrics = await (
        await operatorFetch(`${server.url}/metrics`)
      ).text();
      expect(metrics).toMatch(/^finhooks_relay_published_total 50$/m);
      expect(metrics).toMatch(/^finhooks_relay_lag_events 0$/m);
    } finally {
      await server.close();
      await dir.remove();
    }
  });

  it('killed with SIGKILL mid-run and restarted: every acknowledged delivery is exactly once in the stream', async () => {
    const dir = await makeTempDir();
    const { stream, prefix } = names();
    const env = {
      DATA_DIR: dir.path,
      NATS_URL,
      NATS_STREAM: stream,
      NATS_SUBJECT_PREFIX: prefix,
    };
    const TOTAL = 600;
    const acknowledged = new Map<number, string>();
    const failed: number[] = [];
    let server: ChildServer = await spawnServer(env);
    try {
      // Deliveries flow in; the process is killed while requests and
      // publishes are in flight.
      let sent = 0;
      const killAt = 300;
      let killed: Promise<unknown> | undefined;
      await mapLimit(
        Array.from({ length: TOTAL / 2 + 100 }, (_, index) => index),
        16,
        async index => {
          if (killed !== undefined) {
            failed.push(index);
            return;
          }
          sent += 1;
          if (sent === killAt) killed = server.stop('SIGKILL');
          try {
            const answer = await deliver(server.url, index, 'kill');
            acknowledged.set(index, answer.id);
          } catch {
            failed.push(index);
          }
        },
      );
      await killed;
      const acknowledgedBeforeKill = acknowledged.size;
      // Restarted on the same database; the provider retries what failed,
      // and new deliveries arrive.
      server = await spawnServer(env);
      const rest = [
        ...failed,
        ...Array.from(
          { length: TOTAL - (TOTAL / 2 + 100) },
          (_, index) => TOTAL / 2 + 100 + index,
        ),
      ];
      await mapLimit(rest, 16, async index => {
        const answer = await deliver(server.url, index, 'kill');
        acknowledged.set(index, answer.id);
      });
      const relay = await relayDrained(server.url, stream, acknowledged.size);
      const messages = await readStream(stream);
      const counts = new Map<string, number>();
      for (const m of messages)
        counts.set(m.msgId, (counts.get(m.msgId) ?? 0) + 1);
      const expected = [...acknowledged.values()].map(id => `tradevest:${id}`);
      const figures = {
        sent: TOTAL,
        acknowledgedBeforeKill,
        retriedAfterRestart: failed.length,
        acknowledged: acknowledged.size,
        inStream: messages.length,
        duplicates: [...counts.values()].filter(n => n > 1).length,
        missing: expected.filter(id => !counts.has(id)).length,
        // Published before the kill but not marked: dropped by the server's dedup.
        republishedAfterRestart: relay.duplicates,
      };
      console.info('[example] SIGKILL mid-run figures', figures);
      expect(acknowledgedBeforeKill).toBeGreaterThan(0);
      expect(figures).toMatchObject({
        acknowledged: TOTAL,
        inStream: TOTAL,
        duplicates: 0,
        missing: 0,
      });
    } finally {
      await server.stop();
      await dir.remove();
    }
  });
});
