// The operator console in real Chromium (playwright-core +
// /usr/bin/chromium): a delivery posted to a webhook route appears without
// reload, the filter works, the chart counts deliveries, forged ones are
// listed as refused with their reason, an event's detail is a deep link,
// the table fits 1280 px, no console errors; and the README's screenshot.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, signedExamples, type SignedExample } from '../src/examples';
import type { RunningServer } from '../src/start-server';
import {
  OPERATOR_TOKEN,
  makeTempDir,
  operatorFetch,
  startTestServer,
  testConfig,
} from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DOCS_DIR = fileURLToPath(new URL('../docs/', import.meta.url));
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
  /** Console errors and uncaught exceptions of the operator's page. */
  const pageErrors: string[] = [];

  /** A Redpin delivery (static header), as the tests shape it. */
  const redpin = (body: unknown, token = 'test-redpin') =>
    fetch(`${server.url}/webhooks/redpin`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-redpin-token': token,
      },
      body: JSON.stringify(body),
    });
  const customerStatus = (eventId: string, customerId: string) => ({
    event_id: eventId,
    event_type: 'CUSTOMER STATUS',
    version: 'v1.0.0',
    event_timestamp: '2025-01-01T10:00:00Z',
    data: { customer_id: customerId, status: 'active' },
  });
  const chartCount = (outcome: string) =>
    page.evaluate(
      o =>
        Number(document.querySelector('#chart svg')?.getAttribute(`data-${o}`)),
      outcome,
    );

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
    page.on('console', message => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', error => pageErrors.push(error.message));
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
    const link = page.locator('#events tr[data-provider="dintero"] a');
    await link.click();
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

  it('should chart the deliveries sent by the test, live and by provider', async () => {
    // Five new events so far (four providers, a second Solaris one).
    await page.waitForFunction(
      () =>
        document.querySelector('#chart svg')?.getAttribute('data-accepted') ===
        '5',
    );
    expect(
      await page.locator('#chart rect.o-accepted').count(),
    ).toBeGreaterThan(0);
    expect(
      await page.textContent('#legend [data-outcome="accepted"] strong'),
    ).toBe('5');

    // A retried delivery is a duplicate: it shows up without reload.
    expect((await send(byProvider('redpin').request)).status).toBe(200);
    await page.waitForFunction(
      () =>
        document.querySelector('#chart svg')?.getAttribute('data-duplicate') ===
        '1',
    );
    expect(await chartCount('accepted')).toBe(5);

    // Filtered by provider.
    await page.selectOption('#chart-provider', 'redpin');
    await page.waitForFunction(
      () =>
        document.querySelector('#chart svg')?.getAttribute('data-total') ===
        '2',
    );
    expect(await chartCount('accepted')).toBe(1);
    expect(await chartCount('duplicate')).toBe(1);
    await page.selectOption('#chart-provider', '');
    await page.waitForFunction(
      () =>
        document.querySelector('#chart svg')?.getAttribute('data-total') ===
        '6',
    );

    // The operator API serves the same counts.
    const stats = (await (
      await operatorFetch(`${server.url}/api/stats/deliveries?provider=redpin`)
    ).json()) as {
      minutes: { providers: Record<string, Record<string, number>> }[];
    };
    const redpinAccepted = stats.minutes
      .map(minute => minute.providers.redpin?.accepted ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(redpinAccepted).toBe(1);
  });

  it('should list forged deliveries under refused deliveries with their reason within seconds', async () => {
    // One click (or Enter) from the top of the page.
    await page.focus('#nav-refused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.activeElement?.id === 'refused-heading',
    );
    expect(await page.locator('#refused tr').count()).toBe(0);

    // A Solaris delivery signed with the wrong secret.
    const forged = await signedExamples(
      testConfig(
        { kind: 'sqlite', dataDir: dir.path },
        {
          SOLARIS_WEBHOOK_SECRET: 'not-the-secret',
          SOLARIS_WEBHOOK_SECRETS: '{}',
        },
      ),
      server.url,
    );
    const solaris = forged.find(example => example.provider === 'solaris')!;
    const signature = [...solaris.request.headers.entries()].find(([name]) =>
      /signature/i.test(name),
    )?.[1];
    const started = Date.now();
    expect((await send(solaris.request)).status).toBe(401);
    const row = page.locator('#refused tr[data-code="signature_invalid"]');
    await row.waitFor({ timeout: 5_000 });
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(5);
    const cells = await row.locator('td').allTextContents();
    expect(cells[1]).toBe('solaris');
    expect(cells[2]).toBe('POST /webhooks/solaris');
    expect(cells[3]).toBe('401');
    expect(cells[4]).toMatch(
      new RegExp(
        `^signature does not match any configured secret for ${solaris.nativeType}`,
      ),
    );
    // Never the signature (nor the body).
    expect(signature).toBeDefined();
    expect(await page.textContent('#refused')).not.toContain(signature!);

    // A wrong Redpin token, a Dintero delivery signed 7 minutes ago, an
    // unknown Tradevest path.
    expect((await redpin(customerStatus('evt-x', 'C1'), 'wrong')).status).toBe(
      401,
    );
    const stale = await signedExamples(
      testConfig({ kind: 'sqlite', dataDir: dir.path }),
      server.url,
      new Date(Date.now() - 7 * 60_000),
    );
    // Checkout callbacks carry a signed timestamp (5 min either way).
    const dintero = stale.find(
      example =>
        example.provider === 'dintero' &&
        example.request.url.includes('/callback'),
    )!;
    expect((await send(dintero.request)).status).toBe(401);
    const tradevest = await fetch(
      `${server.url}/webhooks/tradevest/no-such-path`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'api-key': 'test-tradevest',
        },
        body: '{}',
      },
    );
    expect(tradevest.status).toBe(404);

    await page.waitForFunction(
      () => document.querySelectorAll('#refused tr').length === 4,
    );
    const reasons = await page
      .locator('#refused tr td:last-child strong')
      .allTextContents();
    expect(reasons).toEqual([
      'unknown Tradevest path',
      'timestamp 7 min in the past',
      'Redpin credential missing or wrong',
      `signature does not match any configured secret for ${solaris.nativeType}`,
    ]);
    expect(await page.textContent('#refused-total')).toBe('4');
    expect(
      await page.textContent(
        '#refused-reasons li[data-code="signature_invalid"] strong',
      ),
    ).toBe('×1');
    // The chart counts them as refused.
    await page.waitForFunction(
      () =>
        document.querySelector('#chart svg')?.getAttribute('data-refused') ===
        '4',
    );

    const api = (await (
      await operatorFetch(`${server.url}/api/refused`)
    ).json()) as {
      entries: { code: string; message: string; path: string }[];
      counts: { code: string; count: number }[];
      total: number;
    };
    expect(api.total).toBe(4);
    expect(api.entries.map(entry => entry.code)).toEqual([
      'route_not_found',
      'timestamp_out_of_tolerance',
      'authentication_failed',
      'signature_invalid',
    ]);
    for (const entry of api.entries)
      expect(entry.message.length).toBeLessThanOrEqual(300);
  });

  it('should open an event from a deep link, with back and forward', async () => {
    const { events } = (await (
      await operatorFetch(`${server.url}/api/events?limit=50`)
    ).json()) as { events: { provider: string; id: string }[] };
    const redpinEvent = events.find(event => event.provider === 'redpin')!;
    const solarisEvent = events.find(event => event.provider === 'solaris')!;
    const href = (event: { provider: string; id: string }) =>
      `#/events/${encodeURIComponent(event.provider)}/${encodeURIComponent(event.id)}`;

    // A fresh page opened on the link shows that event.
    const other = await page.context().newPage();
    try {
      await other.goto(`${server.url}/${href(solarisEvent)}`);
      await other.waitForSelector(
        `body[data-detail="solaris:${solarisEvent.id}"]`,
      );
      expect(await other.isHidden('#console')).toBe(true);
      expect(await other.textContent('#detail-heading')).toContain('solaris');
      expect(await other.textContent('#detail-facts')).toContain(
        solarisEvent.id,
      );
      // The authenticity flags of the envelope, in words.
      expect(
        await other.getAttribute(
          '#detail-authenticity [data-flag="body"]',
          'data-covered',
        ),
      ).toBe('true');
      expect(await other.textContent('#detail-authenticity')).toMatch(
        /Scheme: signature/,
      );
      expect(await other.textContent('#detail-processing')).toMatch(/State/);
    } finally {
      await other.close();
    }

    // In the operator's page: follow a row's link, go back, go forward.
    await page.click(`#events tr[data-key="redpin:${redpinEvent.id}"] a`);
    await page.waitForSelector(`body[data-detail="redpin:${redpinEvent.id}"]`);
    expect(new URL(page.url()).hash).toBe(href(redpinEvent));
    await page.evaluate(h => (location.hash = h), href(solarisEvent));
    await page.waitForSelector(
      `body[data-detail="solaris:${solarisEvent.id}"]`,
    );

    await page.goBack();
    await page.waitForSelector(`body[data-detail="redpin:${redpinEvent.id}"]`);
    expect(await page.textContent('#detail-heading')).toContain('redpin');
    await page.goBack();
    await page.waitForSelector('#detail', { state: 'hidden' });
    expect(await page.isVisible('#console')).toBe(true);
    await page.goForward();
    await page.waitForSelector(`body[data-detail="redpin:${redpinEvent.id}"]`);
    expect(await page.isVisible('#console')).toBe(false);

    // Back to the console with the button.
    await page.click('#detail-close');
    await page.waitForSelector('#detail', { state: 'hidden' });
    expect(new URL(page.url()).hash).toBe('');
  });

  it('should replay a quarantined event from its detail', async () => {
    // Authentic (right token) but not what the schema expects.
    const response = await redpin({
      event_id: 'evt-quarantined',
      event_type: 'CUSTOMER STATUS',
      event_timestamp: '2025-01-01T10:00:00Z',
      data: { customer_id: 42 },
    });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    await page.waitForSelector(`#quarantine li[data-key="redpin:${id}"]`);
    await page.click(`#quarantine li[data-key="redpin:${id}"] a`);
    await page.waitForSelector(`body[data-detail="redpin:${id}"]`);
    expect(await page.textContent('#detail-processing')).toMatch(/quarantined/);
    expect(await page.textContent('#detail-processing')).toMatch(
      /Schema issues/,
    );
    await page.click('#detail-replay');
    await page.waitForFunction(() =>
      /still invalid/.test(
        document.querySelector('#detail-replay-status')!.textContent!,
      ),
    );
    await page.keyboard.press('Escape');
    await page.waitForSelector('#detail', { state: 'hidden' });
  });

  it('should fit 1280 px without sideways scrolling, with long ids and subjects', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    // Ids of Redpin customer events are `<customer>:<event id>`.
    const longSubject = `C${'9'.repeat(200)}`;
    const response = await redpin(
      customerStatus(`evt-${'0123456789abcdef'.repeat(12)}`, longSubject),
    );
    expect(response.status).toBe(200);
    const { id: longId } = (await response.json()) as { id: string };
    expect(longId.length).toBeGreaterThan(390);
    const row = page.locator(`#events tr[data-key="redpin:${longId}"]`);
    await row.waitFor();
    const fits = () =>
      page.evaluate(
        () =>
          document.documentElement.scrollWidth <=
          document.documentElement.clientWidth,
      );
    expect(await fits()).toBe(true);
    // Cut in the table, whole in the title and selectable in one click.
    const idCell = row.locator('td.sel').nth(1);
    expect(await idCell.getAttribute('title')).toBe(longId);
    expect(await idCell.evaluate(td => td.scrollWidth > td.clientWidth)).toBe(
      true,
    );
    expect(await row.locator('td.sel').first().getAttribute('title')).toBe(
      `customer ${longSubject}`,
    );
    // A long refused path does not widen the page either.
    await fetch(`${server.url}/webhooks/${'x'.repeat(2_000)}`, {
      method: 'POST',
    });
    await page.waitForSelector(
      '#refused tr[data-code="route_not_found"] >> nth=1',
    );
    expect(await fits()).toBe(true);
    // Nor the detail of the long event.
    await row.locator('a').click();
    await page.waitForSelector(`body[data-detail="redpin:${longId}"]`);
    expect(await fits()).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#detail', { state: 'hidden' });
  });

  it('should save a screenshot of the console for the README', async () => {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(1_600); // the "fresh" row highlight fades
    mkdirSync(DOCS_DIR, { recursive: true });
    await page.screenshot({
      path: `${DOCS_DIR}console.png`,
      clip: { x: 0, y: 0, width: 1280, height: 1600 },
      fullPage: true,
    });
  });

  it('should keep the page small (HTML, JS and CSS as served)', async () => {
    let raw = 0;
    let gzip = 0;
    for (const path of ['/', '/app.js', '/app.css']) {
      const response = await operatorFetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      raw += bytes.byteLength;
      gzip += gzipSync(bytes, { level: 9 }).byteLength;
    }
    // 39.1 kB (11.7 kB gzipped) with the chart and refused deliveries;
    // 19.0 kB (6.1 kB) before them. No library, no images.
    expect(raw).toBeLessThan(45_000);
    expect(gzip).toBeLessThan(13_000);
  });

  it('should log no console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
