// The operator surface (page, /api/*, live stream, /metrics, replay) needs
// the operator token; /healthz and the webhook routes stay open; replay
// refuses cross-site requests; the configuration refuses weak settings.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { startServer, type RunningServer } from '../src/start-server';
import { OPERATOR_TOKEN, makeTempDir, startTestServer } from './helpers';

const basic = (password: string, user = 'operator') =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('operator access control', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let server: RunningServer;

  beforeAll(async () => {
    dir = await makeTempDir();
    server = await startTestServer({ kind: 'sqlite', dataDir: dir.path });
  });
  afterAll(async () => {
    await server?.close();
    await dir?.remove();
  });

  const operatorPaths = [
    '/',
    '/app.js',
    '/api/events',
    '/api/info',
    '/api/counts',
    '/api/quarantine',
    '/api/stream',
    '/metrics',
    '/nothing-here',
  ];

  it('should answer 401 with a Basic challenge without or with wrong credentials', async () => {
    for (const path of operatorPaths) {
      for (const authorization of [
        undefined,
        'Bearer wrong-token',
        `Bearer ${OPERATOR_TOKEN}x`,
        basic('wrong'),
        basic(OPERATOR_TOKEN.slice(0, -1)),
        'Basic !!!',
        OPERATOR_TOKEN,
      ]) {
        const response = await fetch(`${server.url}${path}`, {
          headers: authorization === undefined ? {} : { authorization },
        });
        expect(response.status, `${path} ${authorization}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(
          /^Basic realm="finhooks operator"/,
        );
        await response.arrayBuffer();
      }
    }
    const replay = await fetch(
      `${server.url}/api/quarantine/${encodeURIComponent('tradevest:x')}/replay`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
    );
    expect(replay.status).toBe(401);
  });

  it('should serve the operator surface with a Bearer token or Basic credentials', async () => {
    for (const authorization of [
      `Bearer ${OPERATOR_TOKEN}`,
      basic(OPERATOR_TOKEN),
      basic(OPERATOR_TOKEN, 'anyone'),
    ]) {
      for (const path of operatorPaths.filter(p => p !== '/api/stream')) {
        const response = await fetch(`${server.url}${path}`, {
          headers: { authorization },
        });
        expect(response.status, path).toBe(
          path === '/nothing-here' ? 404 : 200,
        );
        await response.arrayBuffer();
      }
      const controller = new AbortController();
      const stream = await fetch(`${server.url}/api/stream`, {
        headers: { authorization },
        signal: controller.signal,
      });
      expect(stream.status).toBe(200);
      controller.abort();
    }
  });

  it('should keep /healthz and the webhook routes open', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const hook = await fetch(
      `${server.url}/webhooks/tradevest/customer-notification`,
      { method: 'POST', body: '{}' },
    );
    expect(hook.status).toBe(401); // the provider's credentials, not ours
    expect(hook.headers.get('www-authenticate')).toBeNull();
  });

  it('should refuse cross-site replay requests and simple content types', async () => {
    const url = `${server.url}/api/quarantine/${encodeURIComponent('tradevest:missing')}/replay`;
    const auth = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const json = { 'content-type': 'application/json' };
    const attempt = async (headers: Record<string, string>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...auth, ...headers },
        body: '{}',
      });
      return {
        status: response.status,
        body: (await response.json()) as { error?: { code?: string } },
      };
    };
    const crossSite = await attempt({
      ...json,
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error?.code).toBe('cross_site_request');
    expect(
      (await attempt({ ...json, 'sec-fetch-site': 'same-site' })).status,
    ).toBe(403);
    expect(
      (await attempt({ ...json, origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect((await attempt({ 'content-type': 'text/plain' })).status).toBe(415);
    expect(
      (await attempt({ 'content-type': 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(415);
    expect((await attempt({})).status).toBe(415);
    // Same origin (what the page sends) reaches the route: no such event.
    const own = new URL(server.url);
    expect(
      (
        await attempt({
          ...json,
          origin: own.origin,
          'sec-fetch-site': 'same-origin',
        })
      ).status,
    ).toBe(404);
    expect((await attempt(json)).status).toBe(404);
  });

  it('should refuse API bodies over the limit', async () => {
    const response = await fetch(
      `${server.url}/api/quarantine/${encodeURIComponent('tradevest:x')}/replay`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${OPERATOR_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ padding: 'x'.repeat(64 * 1024) }),
      },
    );
    expect(response.status).toBe(413);
  });
});

describe('operator configuration', () => {
  it('should refuse a short ADMIN_TOKEN and a retention under 7 days', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ADMIN_TOKEN: 'x'.repeat(31) })).toThrow(
      /at least 32/,
    );
    expect(loadConfig({ ADMIN_TOKEN: 'x'.repeat(32) }).adminToken).toBe(
      'x'.repeat(32),
    );
    expect(() => loadConfig({ RETENTION_DAYS: '6' })).toThrow(/at least 7/);
    expect(loadConfig({}).retentionDays).toBe(30);
    expect(loadConfig({ RETENTION_DAYS: '7' }).retentionDays).toBe(7);
  });

  it('should bind loopback in demo mode unless HOST is set', () => {
    expect(loadConfig({ FINHOOKS_DEMO: '1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ FINHOOKS_DEMO: '1', HOST: '0.0.0.0' }).host).toBe(
      '0.0.0.0',
    );
    expect(loadConfig({}).host).toBeUndefined();
  });

  it('should generate a token when ADMIN_TOKEN is unset, print a sign-in URL and never log it', async () => {
    const dir = await makeTempDir();
    const lines: string[] = [];
    const announced: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()),
      }),
    );
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dir.path,
      HOST: '127.0.0.1',
    });
    expect(config.adminTokenGenerated).toBe(true);
    expect(config.adminToken.length).toBeGreaterThanOrEqual(32);
    const server = await startServer({
      config,
      logger,
      announce: line => announced.push(line),
    });
    try {
      const signIn = /http:\/\/operator:([^@\s]+)@127\.0\.0\.1:\d+\//.exec(
        announced.join('\n'),
      );
      expect(signIn?.[1]).toBe(config.adminToken);
      expect(lines.join('')).not.toContain(config.adminToken);
      expect((await fetch(`${server.url}/api/events`)).status).toBe(401);
      const ok = await fetch(`${server.url}/api/events`, {
        headers: { authorization: basic(signIn![1]!) },
      });
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
      await dir.remove();
    }
  });
});
