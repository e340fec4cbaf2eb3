import {
  createRawWebhookRequest,
  decodeStoreCursor,
  toCloudEvent,
  type DurableWebhookStore,
  type StoredWebhookEvent,
  type WebhookAdapterV1,
  type WebhookAuthenticityV1,
  type WebhookVerificationV1,
} from '@finhooks/core';
import type { Context, Hono } from 'hono';
import type { DeliveryFeed } from './delivery-feed';
import type { Logger } from './logger';
import type { AppMetrics } from './metrics';

const MAX_LIMIT = 500;
/** Longest accepted provider name, type, event id and cursor. */
export const PARAM_LIMITS = {
  provider: 64,
  type: 200,
  id: 512,
  cursor: 2048,
} as const;
/** Latest instant both stores (and `Date`) can represent, in ms. */
const MAX_TIME_MS = 8_640_000_000_000_000;

/** NUL and other control characters: no store can index them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A UTF-16 surrogate without its pair: not encodable as UTF-8. */
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text parameter is refused, or undefined when it is fine. */
export function textProblem(
  name: string,
  value: string,
  maxLength: number,
): string | undefined {
  if (value.length > maxLength)
    return `${name} is longer than ${maxLength} characters.`;
  if (CONTROL.test(value))
    return `${name} contains control characters (NUL, …).`;
  if (LONE_SURROGATE.test(value)) return `${name} is not well-formed Unicode.`;
  return undefined;
}

/** A cursor this API issued, within what the stores can search for. */
function cursorProblem(cursor: string): string | undefined {
  const problem = textProblem('cursor', cursor, PARAM_LIMITS.cursor);
  if (problem !== undefined) return problem;
  try {
    const position = decodeStoreCursor(cursor);
    if (
      position.receivedAtMs < 0 ||
      position.receivedAtMs > MAX_TIME_MS ||
      textProblem('provider', position.provider, PARAM_LIMITS.provider) !==
        undefined ||
      textProblem('id', position.id, PARAM_LIMITS.id) !== undefined
    ) {
      return 'out of range';
    }
  } catch {
    return 'malformed';
  }
  return undefined;
}

function notFound(c: Context, message: string) {
  return c.json(
    { ok: false, error: { code: 'event_not_found', message } },
    404,
  );
}

function badRequest(c: Context, code: string, message: string) {
  return c.json({ ok: false, error: { code, message } }, 400);
}

/** `"provider:id"` → key; ids may contain colons, provider names do not. */
export function parseEventKey(
  key: string,
): { provider: string; id: string } | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return undefined;
  return { provider: key.slice(0, colon), id: key.slice(colon + 1) };
}

/** What the first check covered, carried over to a replay. */
function storedVerification(
  authenticity: WebhookAuthenticityV1,
): WebhookVerificationV1 {
  const { type: _type, subject: _subject, ...verification } = authenticity;
  return verification;
}

/** The stored raw delivery as JSON: text where it is UTF-8, else base64. */
function deliveryJson(stored: StoredWebhookEvent) {
  const { method, url, headers, body } = stored.delivery;
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = undefined;
  }
  return {
    provider: stored.provider,
    id: stored.id,
    state: stored.state,
    attempts: stored.attempts,
    ...(stored.lastError === undefined ? {} : { lastError: stored.lastError }),
    ...(stored.nextAttemptAt === undefined
      ? {}
      : { nextAttemptAt: stored.nextAttemptAt }),
    delivery: {
      method,
      url,
      headers,
      bodyEncoding: text === undefined ? 'base64' : 'utf8',
      body: text ?? Buffer.from(body).toString('base64'),
    },
  };
}

/** What the API routes need from the app. */
export interface ApiRoutesOptions {
  store: DurableWebhookStore;
  adapters: ReadonlyMap<string, WebhookAdapterV1>;
  metrics: AppMetrics;
  logger: Logger;
  /** Runs a retry round now (a replayed event should not wait for the timer). */
  kickRetries: () => void;
  /** Per-minute delivery counts and refused deliveries, for the console. */
  feed?: DeliveryFeed;
}

/**
 * The read API (events, CloudEvents, raw deliveries, counts) and the
 * quarantine (list, replay).
 */
export function mountApiRoutes(app: Hono, options: ApiRoutesOptions): void {
  const { store, adapters, metrics, logger, kickRetries, feed } = options;

  type PageQuery = {
    provider?: string;
    type?: string;
    limit?: number;
    cursor?: string;
  };

  type QueryError = { error: string; code: string };

  function pageQuery(c: Context): QueryError | { query: PageQuery } {
    const limitText = c.req.query('limit');
    let limit: number | undefined;
    if (limitText !== undefined && limitText !== '') {
      limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        return {
          code: 'query_invalid',
          error: `limit must be an integer from 1 to ${MAX_LIMIT}.`,
        };
      }
    }
    const query: PageQuery = {};
    for (const name of ['provider', 'type'] as const) {
      const value = c.req.query(name);
      if (value === undefined || value === '') continue;
      const problem = textProblem(name, value, PARAM_LIMITS[name]);
      if (problem !== undefined)
        return { code: 'query_invalid', error: problem };
      query[name] = value;
    }
    const cursor = c.req.query('cursor');
    if (cursor !== undefined && cursor !== '') {
      if (cursorProblem(cursor) !== undefined) {
        return {
          code: 'cursor_invalid',
          error: 'The cursor is not one this API returned; start without one.',
        };
      }
      query.cursor = cursor;
    }
    if (limit !== undefined) query.limit = limit;
    return { query };
  }

  /** The `:provider/:id` of a route, or why it is refused. */
  function eventKey(
    c: Context,
  ): { provider: string; id: string } | { error: string } {
    const provider = c.req.param('provider') ?? '';
    const id = c.req.param('id') ?? '';
    const problem =
      textProblem('provider', provider, PARAM_LIMITS.provider) ??
      textProblem('id', id, PARAM_LIMITS.id);
    return problem === undefined ? { provider, id } : { error: problem };
  }

  async function getStored(c: Context) {
    const key = eventKey(c);
    if ('error' in key)
      return { response: badRequest(c, 'key_invalid', key.error) };
    const stored = await store.getEvent(key);
    if (stored === undefined)
      return { response: notFound(c, 'No such event.') };
    return { stored };
  }

  async function listPage(c: Context, state?: 'quarantined') {
    const parsed = pageQuery(c);
    if ('error' in parsed) return badRequest(c, parsed.code, parsed.error);
    let page;
    try {
      page = await store.listEvents({
        ...parsed.query,
        ...(state && { state }),
      });
    } catch (error) {
      // Both stores throw an error with code `cursor_invalid` for a bad cursor.
      if ((error as { code?: unknown } | null)?.code === 'cursor_invalid') {
        return badRequest(
          c,
          'cursor_invalid',
          'The cursor is not one this API returned; start without one.',
        );
      }
      throw error;
    }
    return c.json({
      events: page.events.map(stored => stored.event),
      nextCursor: page.nextCursor,
    });
  }

  app.get('/api/events', c => listPage(c));

  app.get('/api/events/:provider/:id', async c => {
    const { stored, response } = await getStored(c);
    if (stored === undefined) return response;
    return c.json(stored.event);
  });

  app.get('/api/events/:provider/:id/cloudevent', async c => {
    const { stored, response } = await getStored(c);
    if (stored === undefined) return response;
    return c.body(JSON.stringify(toCloudEvent(stored.event)), 200, {
      'content-type': 'application/cloudevents+json; charset=utf-8',
    });
  });

  // Not in docs/architecture.md#routes: the raw delivery and processing state, for the page.
  app.get('/api/events/:provider/:id/delivery', async c => {
    const { stored, response } = await getStored(c);
    if (stored === undefined) return response;
    return c.json(deliveryJson(stored));
  });

  app.get('/api/counts', async c => {
    const rows = await store.counts();
    const providers: Record<
      string,
      { total: number; states: Record<string, number> }
    > = {};
    for (const { provider, state, count } of rows) {
      const entry = (providers[provider] ??= { total: 0, states: {} });
      entry.total += count;
      entry.states[state] = (entry.states[state] ?? 0) + count;
    }
    return c.json({ providers });
  });

  app.get('/api/quarantine', c => listPage(c, 'quarantined'));

  if (feed !== undefined) mountConsoleRoutes(app, feed);

  app.post('/api/quarantine/:key/replay', async c => {
    const key = parseEventKey(c.req.param('key') ?? '');
    const problem =
      key &&
      (textProblem('provider', key.provider, PARAM_LIMITS.provider) ??
        textProblem('id', key.id, PARAM_LIMITS.id));
    if (key === undefined || problem !== undefined) {
      return badRequest(
        c,
        'key_invalid',
        'The key is "<provider>:<id>", URL-encoded.',
      );
    }
    const stored = await store.getEvent(key);
    if (stored === undefined) return notFound(c, 'No such event.');
    if (stored.state !== 'quarantined') {
      return c.json(
        {
          ok: false,
          error: {
            code: 'not_quarantined',
            message: `The event is ${stored.state}, not quarantined.`,
          },
        },
        409,
      );
    }
    const adapter = adapters.get(key.provider);
    if (adapter === undefined) {
      return c.json(
        {
          ok: false,
          error: {
            code: 'provider_disabled',
            message: `The ${key.provider} adapter is not enabled.`,
          },
        },
        409,
      );
    }
    const { method, url, headers, body } = stored.delivery;
    // Verified when first received; the credentials were not stored.
    const result = await adapter.receive(
      createRawWebhookRequest({ method, url, headers, body }),
      {
        alreadyVerified: storedVerification(stored.event.authenticity),
        verifiedFacts: {
          account: stored.event.account,
          livemode: stored.event.livemode,
        },
        receivedAt: new Date(stored.event.receivedAt),
      },
    );
    if (result.kind === 'handshake') {
      return c.json(
        {
          ok: false,
          error: {
            code: 'not_an_event',
            message: 'The stored delivery is now read as a handshake.',
          },
        },
        409,
      );
    }
    const event = { ...result.event, id: key.id };
    const updated = await store.replaceQuarantined(key, event);
    if (updated === undefined) return notFound(c, 'No such event.');
    metrics.replays.inc({ provider: key.provider, outcome: updated.state });
    logger.info(
      { provider: key.provider, eventId: key.id, state: updated.state },
      'quarantine replay',
    );
    if (updated.state !== 'quarantined') kickRetries();
    return c.json({ ok: true, state: updated.state, event: updated.event });
  });
}

/**
 * The console's traffic views: deliveries per minute over the last hour
 * by outcome (`?provider=` narrows it), and the most recent refused
 * deliveries with their reason and the counts per reason (`?limit=`).
 */
function mountConsoleRoutes(app: Hono, feed: DeliveryFeed): void {
  app.get('/api/stats/deliveries', c => {
    const provider = c.req.query('provider');
    if (provider !== undefined && provider !== '') {
      const problem = textProblem('provider', provider, PARAM_LIMITS.provider);
      if (problem !== undefined) return badRequest(c, 'query_invalid', problem);
      return c.json(feed.stats.snapshot({ provider }));
    }
    return c.json(feed.stats.snapshot());
  });

  app.get('/api/refused', c => {
    const { refused } = feed;
    const limitText = c.req.query('limit');
    let limit = refused.capacity;
    if (limitText !== undefined && limitText !== '') {
      limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : 0;
      if (limit < 1 || limit > refused.capacity) {
        return badRequest(
          c,
          'query_invalid',
          `limit must be an integer from 1 to ${refused.capacity}.`,
        );
      }
    }
    return c.json({
      entries: refused.list({ limit }),
      counts: refused.counts(),
      total: refused.total,
      since: refused.since,
      capacity: refused.capacity,
    });
  });
}
