import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  describeConfig,
  enabledProviders,
  loadConfig,
} from '../src/config';
import { startServer } from '../src/start-server';
import { OPERATOR_TOKEN, makeTempDir, operatorFetch } from './helpers';

describe('loadConfig', () => {
  it('should enable only the providers whose variables are set', () => {
    const config = loadConfig({
      REDPIN_WEBHOOK_HEADER: 'X-Token',
      REDPIN_WEBHOOK_TOKEN: 't',
    });
    expect(enabledProviders(config)).toEqual(['redpin']);
    expect(config.providers.redpin).toEqual({ header: 'x-token', token: 't' });
    expect(config.port).toBe(3000);
    expect(config.demoProviders).toEqual([]);
  });

  it('should read per-event-type Solaris secrets and refuse malformed ones', () => {
    const config = loadConfig({ SOLARIS_WEBHOOK_SECRETS: '{"BOOKING":"b"}' });
    expect(config.providers.solaris).toEqual({
      secretsByEventType: { BOOKING: 'b' },
    });
    expect(() => loadConfig({ SOLARIS_WEBHOOK_SECRETS: '[1]' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ SOLARIS_WEBHOOK_SECRETS: '{' })).toThrow(
      ConfigError,
    );
  });

  it('should refuse half-configured providers', () => {
    expect(() => loadConfig({ REDPIN_WEBHOOK_HEADER: 'x' })).toThrow(
      /REDPIN_WEBHOOK_TOKEN/,
    );
    expect(() => loadConfig({ DINTERO_CHECKOUT_SECRET: 's' })).toThrow(
      /DINTERO_ACCOUNT_ID/,
    );
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
  });

  it('should fill unset providers with demo secrets only in demo mode', () => {
    const config = loadConfig({
      FINHOOKS_DEMO: '1',
      TRADEVEST_WEBHOOK_HEADER: 'api-key',
      TRADEVEST_WEBHOOK_TOKEN: 'real',
    });
    expect(enabledProviders(config)).toEqual([
      'dintero',
      'solaris',
      'redpin',
      'tradevest',
    ]);
    expect(config.demoProviders).toEqual(['dintero', 'solaris', 'redpin']);
    expect(config.providers.tradevest?.token).toBe('real');
  });

  it('should never put a secret in what it logs', () => {
    const config = loadConfig({
      FINHOOKS_DEMO: '1',
      DATABASE_URL: 'postgres://user:hunter2@db/finhooks',
      SOLARIS_WEBHOOK_SECRETS: '{"BOOKING":"booking-secret"}',
    });
    const logged = JSON.stringify(describeConfig(config));
    for (const secret of [
      'hunter2',
      'booking-secret',
      'demo-dintero-hooks-secret',
      'demo-redpin-token',
      'demo-tradevest-token',
    ]) {
      expect(logged).not.toContain(secret);
    }
  });
});

describe('a server with no provider configured', () => {
  it('should start, serve the page and the API, answer 404 on webhook routes and say so in the log', async () => {
    const dir = await makeTempDir();
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()),
      }),
    );
    const server = await startServer({
      config: loadConfig({
        PORT: '0',
        DATA_DIR: dir.path,
        ADMIN_TOKEN: OPERATOR_TOKEN,
      }),
      logger,
    });
    try {
      expect(lines.join('')).toContain('No webhook route is enabled');
      expect((await operatorFetch(`${server.url}/`)).status).toBe(200);
      expect(
        await (await operatorFetch(`${server.url}/api/events`)).json(),
      ).toEqual({
        events: [],
        nextCursor: null,
      });
      const info = (await (
        await operatorFetch(`${server.url}/api/info`)
      ).json()) as {
        providers: string[];
      };
      expect(info.providers).toEqual([]);
      const hook = await fetch(`${server.url}/webhooks/solaris`, {
        method: 'POST',
        body: '{}',
      });
      expect(hook.status).toBe(404);
    } finally {
      await server.close();
      await dir.remove();
    }
  });
});
