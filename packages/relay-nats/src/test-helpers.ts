// Test helpers (not exported from the package): events, stream reads, a
// private nats-server for outage tests, CloudEvents validation.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebhookEventV1, WebhookStoreEntry } from '@finhooks/core';
import { createTestWebhookEvent } from '@finhooks/core/testing';
import {
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { CloudEvent } from 'cloudevents';

export const NATS_URL = process.env.NATS_URL ?? '127.0.0.1:4222';

export function uniqueName(label: string): string {
  return `${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

export function makeEvent(
  id: string,
  overrides: Partial<WebhookEventV1> = {},
): WebhookEventV1 {
  return createTestWebhookEvent({
    id,
    normalizedStatus: 'succeeded',
    receivedAt: new Date().toISOString(),
    data: { id, amount: 1250, note: 'Grüße ✓' },
    delivery: {},
    ...overrides,
  });
}

export function entry(event: WebhookEventV1): WebhookStoreEntry {
  return {
    event,
    delivery: {
      method: 'POST',
      url: 'https://hooks.example.com/webhooks/acme',
      headers: { 'content-type': 'application/json' },
      body: new TextEncoder().encode(JSON.stringify(event.data)),
    },
  };
}

export interface StreamMessage {
  seq: number;
  subject: string;
  msgId: string;
  headers: Record<string, string>;
  body: string;
}

/** Every message of a stream, in stream order. */
export async function readStream(
  nc: NatsConnection,
  stream: string,
): Promise<StreamMessage[]> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(stream);
  const total = info.state.messages;
  const out: StreamMessage[] = [];
  if (total === 0) return out;
  const consumer = await jetstream(nc).consumers.get(stream, {
    deliver_policy: DeliverPolicy.All,
  });
  while (out.length < total) {
    const messages = await consumer.fetch({
      max_messages: Math.min(500, total - out.length),
      expires: 2000,
    });
    let count = 0;
    for await (const m of messages) {
      count += 1;
      out.push(toStreamMessage(m));
    }
    if (count === 0) break;
  }
  await consumer.delete().catch(() => false);
  return out;
}

function toStreamMessage(m: JsMsg): StreamMessage {
  const headers: Record<string, string> = {};
  for (const [name, values] of m.headers ?? [])
    headers[name.toLowerCase()] = values[0] ?? '';
  return {
    seq: m.seq,
    subject: m.subject,
    msgId: headers['nats-msg-id'] ?? '',
    headers,
    body: m.string(),
  };
}

/** Validates a binary-mode message with the cloudevents SDK (strict). */
export function toCloudEvent(message: StreamMessage): CloudEvent<unknown> {
  const contentType = message.headers['content-type'];
  if (contentType === 'application/cloudevents+json') {
    return new CloudEvent(JSON.parse(message.body) as object, true);
  }
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (name.startsWith('ce-'))
      attributes[name.slice(3)] = decodeURIComponent(value);
  }
  return new CloudEvent(
    {
      ...attributes,
      datacontenttype: contentType,
      data: JSON.parse(message.body) as unknown,
    } as never,
    true,
  );
}

/** A summary every failure test asserts: nothing missing, nothing twice. */
export function exactlyOnce(
  messages: readonly StreamMessage[],
  expectedIds: readonly string[],
) {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.msgId, (counts.get(m.msgId) ?? 0) + 1);
  const duplicates = [...counts.values()].filter(n => n > 1).length;
  const missing = expectedIds.filter(id => !counts.has(id)).length;
  const unexpected = [...counts.keys()].filter(
    id => !expectedIds.includes(id),
  ).length;
  return {
    expected: expectedIds.length,
    inStream: messages.length,
    duplicates,
    missing,
    unexpected,
  };
}

export function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline)
          reject(new Error(`port ${port} did not open`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * A nats-server of the test's own (JetStream, its own store directory), so
 * an outage can be simulated without touching the shared server.
 */
export class PrivateNatsServer {
  readonly port = 20_000 + Math.floor(Math.random() * 20_000);
  readonly dir = mkdtempSync(join(tmpdir(), 'finhooks-nats-'));
  private child: ChildProcess | undefined;

  get url(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server',
      ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dir],
      { stdio: 'ignore' },
    );
    await waitForPort(this.port);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function connectTo(url = NATS_URL): Promise<NatsConnection> {
  return connect({ servers: url });
}

export async function deleteStream(
  nc: NatsConnection,
  stream: string,
): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(stream).catch(() => false);
}
