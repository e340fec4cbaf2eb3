// Against the real nats-server (127.0.0.1:4222, JetStream): every test has
// its own stream and subject prefix, deleted afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSqliteStore,
  type SqliteWebhookStore,
} from '@finhooks/store-sqlite';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNatsRelay, type NatsRelay } from './create-nats-relay';
import { eventMessage } from './relay-cloudevents';
import {
  connectTo,
  deleteStream,
  entry,
  exactlyOnce,
  makeEvent,
  PrivateNatsServer,
  readStream,
  toCloudEvent,
  uniqueName,
} from './test-helpers';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';

let nc: NatsConnection;
const cleanups: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  nc = await connectTo();
});
afterAll(async () => {
  await nc.drain();
});
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function setup(label: string) {
  const dir = mkdtempSync(join(tmpdir(), 'finhooks-relay-'));
  const store = createSqliteStore({ filename: join(dir, 'events.db') });
  const stream = uniqueName(`T_${label}`).toUpperCase();
  const prefix = uniqueName(`t_${label}`);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  cleanups.push(() => deleteStream(nc, stream));
  return { store, stream, prefix, dir };
}

function relayFor(
  store: SqliteWebhookStore,
  stream: string,
  prefix: string,
  extra: Partial<Parameters<typeof createNatsRelay>[0]> = {},
): NatsRelay {
  const relay = createNatsRelay({
    store,
    connection: nc,
    stream,
    subjectPrefix: prefix,
    pollIntervalMs: 20,
    ...extra,
  });
  cleanups.push(() => relay.stop());
  return relay;
}

/** Publishes like a relay that died before marking: taken, sent, unmarked. */
async function publishAndDie(
  store: SqliteWebhookStore,
  prefix: string,
  limit: number,
) {
  const taken = await store.takeUnpublished({ limit, leaseMs: 100 });
  const js = jetstream(nc);
  for (const row of taken) {
    const msg = eventMessage(prefix, row.event, 'binary');
    const h = natsHeaders();
    for (const [name, value] of Object.entries(msg.headers)) h.set(name, value);
    await js.publish(msg.subject, msg.body, { msgID: msg.msgId, headers: h });
  }
  return taken;
}

describe('createNatsRelay', () => {
  it('publishes every committed event once, in order per subject, as valid binary-mode CloudEvents', async () => {
    const { store, stream, prefix } = setup('order');
    await store.enableOutbox();
    const ids: string[] = [];
    for (let index = 0; index < 60; index++) {
      const id = `evt_${index}`;
      ids.push(`${index % 2 === 0 ? 'acme' : 'other'}:${id}`);
      await store.claim(
        entry(
          makeEvent(id, {
            provider: index % 2 === 0 ? 'acme' : 'other',
            subject: { type: 'payment', id: `pay_${index % 3}` },
            data: { index },
          }),
        ),
      );
    }
    // A quarantined event waits for a replay.
    const invalid = {
      ...makeEvent('bad', { type: 'acme.unknown' }),
      issues: [{ path: ['x'], message: 'bad', code: 'custom' }],
    };
    await store.claim(entry(invalid as never));

    const relay = relayFor(store, stream, prefix);
    await relay.start();
    await relay.drained();
    const messages = await readStream(nc, stream);
    expect(exactlyOnce(messages, ids)).toEqual({
      expected: 60,
      inStream: 60,
      duplicates: 0,
      missing: 0,
      unexpected: 0,
    });
    // Per subject (provider + payment), stream order is commit order.
    const bySubject = new Map<string, number[]>();
    for (const m of messages) {
      const event = toCloudEvent(m);
      const index = (event.data as { index: number }).index;
      const key = `${event.source}|${event.subject}`;
      bySubject.set(key, [...(bySubject.get(key) ?? []), index]);
    }
    for (const indexes of bySubject.values())
      expect(indexes).toEqual(indexes.slice().sort((a, b) => a - b));

    const first = messages[0]!;
    expect(first.subject).toBe(`${prefix}.acme.payment.status_changed`);
    const event = toCloudEvent(first);
    expect(event).toMatchObject({
      specversion: '1.0',
      id: 'evt_0',
      source: '/finhooks/acme',
      type: 'payment.status_changed',
      subject: 'payment/pay_0',
      time: '2026-03-01T11:59:00.000Z',
      datacontenttype: 'application/json',
      data: { index: 0 },
      nativetype: 'PAYMENT_UPDATED',
      status: 'CAPTURED',
      normalizedstatus: 'succeeded',
      authscheme: 'signature',
      authbody: 'true',
      authtimestamp: 'false',
    });
    expect(
      await store.publishedSequence({ provider: 'acme', id: 'evt_0' }),
    ).toBe(first.seq);
    expect(relay.metrics()).toMatchObject({
      published: 60,
      duplicates: 0,
      lagEvents: 0,
      connected: true,
    });

    // The replay makes the quarantined event valid: it is published then.
    await store.replaceQuarantined(
      { provider: 'acme', id: 'bad' },
      makeEvent('bad', { data: { index: 99 } }),
    );
    relay.notify();
    await relay.drained();
    const after = await readStream(nc, stream);
    expect(after).toHaveLength(61);
    expect(after.at(-1)!.msgId).toBe('acme:bad');
  });

  it('publishes structured-mode CloudEvents when asked', async () => {
    const { store, stream, prefix } = setup('structured');
    await store.enableOutbox();
    await store.claim(entry(makeEvent('evt_s')));
    const relay = relayFor(store, stream, prefix, { mode: 'structured' });
    await relay.start();
    await relay.drained();
    const [message] = await readStream(nc, stream);
    expect(message!.headers['content-type']).toBe(
      'application/cloudevents+json',
    );
    expect(toCloudEvent(message!)).toMatchObject({
      id: 'evt_s',
      type: 'payment.status_changed',
      normalizedstatus: 'succeeded',
    });
  });

  it('creates the stream with max_age no longer than the retention, and lowers a longer one', async () => {
    const { store, stream, prefix } = setup('maxage');
    const relay = relayFor(store, stream, prefix, {
      maxAgeMs: 3_600_000,
      duplicateWindowMs: 60_000,
    });
    await relay.start();
    await store.claim(entry(makeEvent('evt_m')));
    await relay.drained();
    await relay.stop();
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(stream);
    expect(info.config.max_age).toBe(3_600_000 * 1e6);
    expect(info.config.duplicate_window).toBe(60_000 * 1e6);
    expect(info.config.subjects).toEqual([`${prefix}.>`]);
    const shorter = relayFor(store, stream, prefix, { maxAgeMs: 600_000 });
    await shorter.start();
    await shorter.drained();
    await shorter.stop();
    expect((await jsm.streams.info(stream)).config.max_age).toBe(600_000 * 1e6);
  });

  it('a relay that died before marking: the re-publish inside the duplicate window is dropped by the server', async () => {
    const { store, stream, prefix } = setup('window');
    const relay = relayFor(store, stream, prefix, { leaseMs: 100 });
    await relay.start();
    await relay.stop();
    const ids = Array.from({ length: 20 }, (_, index) => `evt_${index}`);
    for (const id of ids) await store.claim(entry(makeEvent(id)));
    const died = await publishAndDie(store, prefix, 20);
    expect(died).toHaveLength(20);
    await new Promise(resolve => setTimeout(resolve, 150));
    const restarted = relayFor(store, stream, prefix, { leaseMs: 100 });
    await restarted.start();
    await restarted.drained();
    const messages = await readStream(nc, stream);
    expect(
      exactlyOnce(
        messages,
        ids.map(id => `acme:${id}`),
      ),
    ).toMatchObject({ inStream: 20, duplicates: 0, missing: 0 });
    expect(restarted.metrics()).toMatchObject({
      published: 20,
      duplicates: 20,
    });
  });

  it('a restart after the duplicate window has passed looks the events up in the stream and does not publish them again', async () => {
    const { store, stream, prefix } = setup('after_window');
    const first = relayFor(store, stream, prefix, {
      leaseMs: 100,
      duplicateWindowMs: 1000,
    });
    await first.start();
    await first.stop();
    const ids = Array.from({ length: 30 }, (_, index) => `evt_${index}`);
    for (const id of ids) await store.claim(entry(makeEvent(id)));
    // 25 were sent before the crash; 5 were taken but never sent.
    await publishAndDie(store, prefix, 25);
    await store.takeUnpublished({ limit: 5, leaseMs: 100 });
    // Past the server's duplicate window: a plain re-publish would be stored twice.
    await new Promise(resolve => setTimeout(resolve, 1600));
    const restarted = relayFor(store, stream, prefix, { leaseMs: 100 });
    await restarted.start();
    await restarted.drained();
    const messages = await readStream(nc, stream);
    const figures = exactlyOnce(
      messages,
      ids.map(id => `acme:${id}`),
    );
    expect(figures).toEqual({
      expected: 30,
      inStream: 30,
      duplicates: 0,
      missing: 0,
      unexpected: 0,
    });
    // The 25 were found in the stream, with their sequence; 5 were published.
    expect(restarted.metrics()).toMatchObject({
      published: 30,
      duplicates: 25,
    });
    for (const m of messages) {
      const [, id] = m.msgId.split(':');
      expect(await store.publishedSequence({ provider: 'acme', id: id! })).toBe(
        m.seq,
      );
    }
  });

  it('announces an erasure, and never publishes the erased events still waiting', async () => {
    const { store, stream, prefix } = setup('erasure');
    await store.enableOutbox();
    await store.claim(
      entry(makeEvent('evt_keep', { subject: { type: 'payment', id: 'p2' } })),
    );
    await store.claim(
      entry(
        makeEvent('evt_gone', { subject: { type: 'person', id: 'per_1' } }),
      ),
    );
    const deleted = await store.deleteBySubject({
      provider: 'acme',
      subjectType: 'person',
      subjectId: 'per_1',
    });
    const relay = relayFor(store, stream, prefix);
    await relay.start();
    await relay.publishErasure({
      provider: 'acme',
      subjectType: 'person',
      subjectId: 'per_1',
      deleted,
    });
    await relay.drained();
    const messages = await readStream(nc, stream);
    expect(messages.map(m => m.subject).sort()).toEqual([
      `${prefix}.acme.payment.status_changed`,
      `${prefix}.acme.person.erased`,
    ]);
    const erasure = toCloudEvent(
      messages.find(m => m.subject.endsWith('.erased'))!,
    );
    expect(erasure).toMatchObject({
      type: 'finhooks.subject.erased',
      subject: 'person/per_1',
      data: {
        provider: 'acme',
        subject: { type: 'person', id: 'per_1' },
        deleted: 1,
      },
    });
    expect(relay.metrics().erasures).toBe(1);
  });

  it('NATS stopped and restarted mid-run: the endpoint keeps committing, the relay retries with backoff and loses nothing', async () => {
    const server = new PrivateNatsServer();
    cleanups.push(() => server.dispose());
    await server.start();
    const { store, stream, prefix } = setup('outage');
    const relay = createNatsRelay({
      store,
      servers: server.url,
      stream,
      subjectPrefix: prefix,
      pollIntervalMs: 20,
      publishTimeoutMs: 1000,
      retry: { initialDelayMs: 50, maxDelayMs: 500 },
    });
    cleanups.push(() => relay.stop());
    await relay.start();
    const ids: string[] = [];
    let acknowledged = 0;
    const claimSome = async (from: number, count: number) => {
      for (let index = from; index < from + count; index++) {
        const result = await store.claim(
          entry(
            makeEvent(`evt_${index}`, {
              subject: { type: 'payment', id: `pay_${index % 5}` },
            }),
          ),
        );
        if (result.status === 'claimed') acknowledged += 1;
        ids.push(`acme:evt_${index}`);
        relay.notify();
        if (index % 10 === 0) await new Promise(r => setTimeout(r, 5));
      }
    };
    await claimSome(0, 100);
    await server.stop(); // mid-run
    await claimSome(100, 100); // accepted while NATS is down
    // The relay notices (publish timeouts), counts and backs off.
    const deadline = Date.now() + 15_000;
    while (relay.metrics().errors === 0 && Date.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 50));
    expect(relay.metrics()).toMatchObject({ connected: false });
    expect(relay.metrics().errors).toBeGreaterThan(0);
    expect((await store.outboxLag()).events).toBeGreaterThan(0);
    await server.start(); // same store directory: the stream survives
    await claimSome(200, 100);
    await relay.drained(30_000);
    const own = await connectTo(server.url);
    try {
      const messages = await readStream(own, stream);
      const figures = exactlyOnce(messages, ids);
      console.info('[relay-nats] NATS outage figures', {
        sent: ids.length,
        acknowledged,
        ...figures,
      });
      expect(acknowledged).toBe(300);
      expect(figures).toEqual({
        expected: 300,
        inStream: 300,
        duplicates: 0,
        missing: 0,
        unexpected: 0,
      });
    } finally {
      await own.close();
    }
  });
});
