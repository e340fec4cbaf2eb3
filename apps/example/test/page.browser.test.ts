// The page in real Chromium (playwright-core + /usr/bin/chromium): a
// delivery posted to a webhook route appears without reload, the filter
// works, the detail view opens.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, signedExamples, type SignedExample } from '../src/examples';
import type { RunningServer } from '../src/start-server';
import {
  OPERATOR_TOKEN,
  makeTempDir,
  startTestServer,
  testConfig,
} from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

describe('the page in Chromium', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let examples: SignedExample[];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium`,
      );
    }
    dir = await makeTempDir();
    server = await startTestServer({ kind: 'sqlite', dataDir: dir.path });
    examples = await signedExamples(
      testConfig({ kind: 'sqlite', dataDir: dir.path }),
      server.url,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: FLAGS,
      headless: true,
    });
    // The operator signs in with HTTP Basic (any user, the token as password).
    const context = await browser.newContext({
      httpCredentials: { username: 'operator', password: OPERATOR_TOKEN },
    });
    page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#connection[data-state="live"]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dir?.remove();
  });

  it('should challenge a browser without credentials and refuse wrong ones', async () => {
    const anonymous = await browser.newPage();
    try {
      // The browser sees the challenge; with nothing to answer it, headless
      // Chromium abandons the navigation (a person would get the sign-in box).
      const challenged = anonymous.waitForResponse(
        response => new URL(response.url()).pathname === '/',
      );
      const navigation = anonymous.goto(server.url).then(
        () => 'loaded',
        (error: Error) => error.message,
      );
      const response = await challenged;
      expect(response.status()).toBe(401);
      expect(response.headers()['www-authenticate']).toMatch(
        /^Basic realm="finhooks operator"/,
      );
      expect(await navigation).toMatch(/ERR_INVALID_AUTH_CREDENTIALS/);
    } finally {
      await anonymous.close();
    }
    const wrong = await browser.newContext({
      httpCredentials: { username: 'operator', password: 'not-the-token' },
    });
    try {
      const page = await wrong.newPage();
      const response = await page.goto(server.url);
      expect(response?.status()).toBe(401);
      expect(await page.locator('body[data-ready]').count()).toBe(0);
    } finally {
      await wrong.close();
    }
  });

  it('should load the page and its live stream with the cached credentials', async () => {
    expect(await page.locator('#connection').getAttribute('data-state')).toBe(
      'live',
    );
  });

  const byProvider = (provider: string) =>
    examples.find(
      example => example.provider === provider && example.type !== 'handshake',
    )!;

  it('should show a delivery posted to a webhook route without reload', async () => {
    expect(await page.locator('#events tr').count()).toBe(0);
    const solaris = byProvider('solaris');
    const response = await send(solaris.request);
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    const row = page.locator(`#events tr[data-key="solaris:${id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('td').nth(1).textContent()).toBe('solaris');

    for (const provider of ['redpin', 'tradevest', 'dintero']) {
      expect((await send(byProvider(provider).request)).status).toBe(200);
    }
    await page.waitForFunction(
      () => document.querySelectorAll('#events tr').length === 4,
    );
    // The counts follow.
    await page.waitForSelector(
      '#counts li[data-provider="tradevest"] strong:text("1")',
    );
  });

  it('should filter by provider and by type', async () => {
    await page.selectOption('#filter-provider', 'redpin');
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLTableRowElement>('#events tr')].every(
        row => row.dataset.provider === 'redpin',
      ),
    );
    expect(await page.locator('#events tr').count()).toBe(1);

    // A live event of another provider does not slip into the filtered list.
    expect(
      (
        await send(
          examples.filter(example => example.provider === 'solaris')[1]!
            .request,
        )
      ).status,
    ).toBe(200);
    await page.waitForTimeout(500);
    expect(await page.locator('#events tr').count()).toBe(1);

    await page.click('#filter-clear');
    await page.waitForFunction(
      () => document.querySelectorAll('#events tr').length === 5,
    );

    const type = byProvider('tradevest').type;
    await page.fill('#filter-type', type);
    await page.press('#filter-type', 'Enter');
    await page.waitForFunction(
      t =>
        [...document.querySelectorAll<HTMLTableRowElement>('#events tr')].every(
          row => row.dataset.type === t,
        ),
      type,
    );
    expect(await page.locator('#events tr').count()).toBeGreaterThanOrEqual(1);
    await page.click('#filter-clear');
    await page.waitForFunction(
      () => document.querySelectorAll('#events tr').length === 5,
    );
  });

  it('should open the detail view with envelope, raw delivery and CloudEvent', async () => {
    const button = page.locator('#events tr[data-provider="dintero"] button');
    await button.click();
    await page.waitForSelector('#detail:not([hidden])');
    await page.waitForFunction(() =>
      document
        .querySelector('#detail-cloudevent')!
        .textContent!.includes('specversion'),
    );
    const envelope = JSON.parse(
      (await page.textContent('#detail-envelope'))!,
    ) as { provider: string; specVersion: string };
    expect(envelope).toMatchObject({ provider: 'dintero', specVersion: '1' });
    const delivery = JSON.parse(
      (await page.textContent('#detail-delivery'))!,
    ) as { method: string; headers: Record<string, string> };
    expect(delivery.method).toBe('POST');
    // Stored without its signature (a stored MAC invites offline secret
    // guessing); the envelope records how it was verified instead.
    expect(delivery.headers['event-signature']).toBeUndefined();
    expect(delivery.headers.event).toBeDefined();
    const cloudEvent = JSON.parse(
      (await page.textContent('#detail-cloudevent'))!,
    ) as { source: string };
    expect(cloudEvent.source).toMatch(/^\/finhooks\/dintero/);
    // Focus moved to the panel; Escape closes it and returns focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'detail-heading',
    );
    await page.keyboard.press('Escape');
    await page.waitForSelector('#detail', { state: 'hidden' });
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('tr')?.dataset.provider,
      ),
    ).toBe('dintero');
  });
});
