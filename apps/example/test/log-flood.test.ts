// Logs that cannot be turned against the service: a flood of refused
// requests with 15 kB paths costs a few hundred log bytes per request at
// most (rate-limited per reason, every value clipped, info level, no stack).
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/start-server';
import { makeTempDir, mapLimit, startTestServer } from './helpers';

const REQUESTS = 2000;
const LONG = 'a'.repeat(15_000);

describe('a flood of refused requests', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let server: RunningServer;
  const lines: string[] = [];
  let bytes = 0;

  beforeAll(async () => {
    dir = await makeTempDir();
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          bytes += (chunk as Buffer).length;
          lines.push(String(chunk));
          done();
        },
      }),
    );
    server = await startTestServer(
      { kind: 'sqlite', dataDir: dir.path },
      { logger, env: { LOG_LEVEL: 'info' } },
    );
  });
  afterAll(async () => {
    await server?.close();
    await dir?.remove();
  });

  it('should log at most 300 bytes per refused request on average, at info level without stacks', async () => {
    const paths = [
      `/webhooks/tradevest/${LONG}`,
      `/webhooks/${LONG}`,
      `/api/events/${LONG}`,
      `/${LONG}`,
      `/webhooks/solaris?${LONG}`,
    ];
    const before = bytes;
    const from = lines.length;
    const statuses = await mapLimit(
      Array.from({ length: REQUESTS }, (_, index) => index),
      16,
      async index => {
        const path = paths[index % paths.length]!;
        const response = await fetch(`${server.url}${path}`, {
          method: 'POST',
          body: '{}',
        });
        await response.arrayBuffer();
        return response.status;
      },
    );
    server.app.refusals.stop(); // flushes the summary line
    const logged = bytes - before;
    const perRequest = logged / REQUESTS;
    console.log(
      `log flood: ${REQUESTS} refused requests with 15 kB paths → ${logged} log bytes (${perRequest.toFixed(1)} bytes per request, ${lines.length - from} lines)`,
    );
    expect(statuses.every(status => status >= 400 && status < 500)).toBe(true);
    expect(perRequest).toBeLessThanOrEqual(300);
    const entries = lines
      .slice(from)
      .map(line => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(entry.level).toBeLessThanOrEqual(40);
      expect(JSON.stringify(entry)).not.toContain('"stack"');
      expect(JSON.stringify(entry).length).toBeLessThan(1500);
    }
    expect(
      entries.some(entry => entry.msg === 'refused requests (summary)'),
    ).toBe(true);
  });
});
