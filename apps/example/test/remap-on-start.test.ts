// Start-up re-maps events stored before an adapter renamed a normalized type
// and subject type (docs/vocabulary.md): once, in the background, with the
// counts logged; erasure and latest-by-subject then find the old event under
// the new names.
import { Writable } from 'node:stream';
import { join } from 'node:path';
import {
  safeParseJson,
  type WebhookAdapterV1,
  type WebhookEventV1,
} from '@finhooks/core';
import { createTestWebhookEvent } from '@finhooks/core/testing';
import { createSqliteStore } from '@finhooks/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { SQLITE_FILENAME } from '../src/store';
import { makeTempDir, startTestServer, waitFor } from './helpers';

const RECEIVED_AT = '2026-03-01T12:00:00.000Z';

/** What the adapter made of a delivery before (`1`) and after (`2`) the rename. */
function mapped(body: Uint8Array, version: 1 | 2): WebhookEventV1 {
  const { id, status } = safeParseJson(body) as { id: string; status: string };
  const noun = version === 1 ? 'transaction' : 'payment';
  return createTestWebhookEvent({
    id: `acme_${id}`,
    type: `${noun}.status_changed`,
    nativeType: 'transaction_update',
    subject: { type: noun, id },
    status,
    receivedAt: RECEIVED_AT,
    data: { id, status },
    delivery: {},
  });
}

/** The upgraded adapter: its catalogue names the new type and subject type. */
const upgraded: WebhookAdapterV1 = {
  specVersion: 'v1',
  provider: 'acme',
  methods: ['POST'],
  nativeTypes: ['transaction_update'],
  catalogue: [
    {
      nativeType: 'transaction_update',
      type: 'payment.status_changed',
      subjectType: 'payment',
    },
  ],
  sensitiveHeaders: [],
  async receive(request, options) {
    if (options?.alreadyVerified === undefined)
      throw new Error('the test adapter only replays');
    return { kind: 'event', event: mapped(request.body, 2), warnings: [] };
  },
};

describe('re-mapping stored events at start-up', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('should re-map an event stored under the old names and log the counts', async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ id: 'pay_1', status: 'CAPTURED' }),
    );
    const before = createSqliteStore({
      filename: join(dir.path, SQLITE_FILENAME),
    });
    const { id } = await before.claim({
      event: mapped(body, 1),
      delivery: {
        method: 'POST',
        url: 'https://hooks.example.com/webhooks/acme',
        headers: { 'content-type': 'application/json' },
        body,
      },
    });
    await before.complete({ provider: 'acme', id });
    await before.close();

    const logs: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const server = await startTestServer(
      { kind: 'sqlite', dataDir: dir.path },
      { adapters: [upgraded], logger: createLogger('info', destination) },
    );
    try {
      const done = await waitFor(() =>
        logs.find(line => line.msg === 'stored events re-mapped'),
      );
      expect(done).toMatchObject({ scanned: 1, remapped: 1, failed: 0 });
      const subject = {
        provider: 'acme',
        subjectType: 'payment',
        subjectId: 'pay_1',
      };
      const latest = await server.app.store.latestBySubject(subject);
      expect(latest).toMatchObject({ id, state: 'processed' });
      expect(latest?.event.type).toBe('payment.status_changed');
      expect(await server.app.store.deleteBySubject(subject)).toBe(1);
    } finally {
      await server.close();
    }
  });
});
