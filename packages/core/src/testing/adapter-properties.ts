// Property-based checks of an adapter's trust claims, derived from what its
// own signer produces: no mutation of what the signature (or credential)
// covers is accepted, and a mutation of anything else changes only the
// envelope fields flagged unauthenticated. Runs without vitest, so `pnpm
// fuzz` can drive it for 100,000 cases and the test suites for a few hundred.
import fc from 'fast-check';
import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from '../adapter/v1/raw-webhook-request';
import type {
  WebhookAdapterV1,
  WebhookReceiveResultV1,
} from '../adapter/v1/webhook-adapter-v1';
import type { AnyWebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import { FinhooksError } from '../errors/finhooks-error';
import { createFetchHandler } from '../http/create-fetch-handler';
import { createWebhooks } from '../router/create-webhooks';
import { cloneRequest } from './request-helpers';

/** What the property checks need of an adapter (a subset of the conformance options). */
export interface AdapterPropertyTarget {
  createAdapter: (secret: string) => WebhookAdapterV1;
  secret: string;
  fixtures: readonly { name: string; request: RawWebhookRequestInit }[];
  sign: (
    request: RawWebhookRequest,
    options: { secret: string; now: Date },
  ) => RawWebhookRequest | Promise<RawWebhookRequest>;
}

/** Counts of one run. */
export interface AdapterPropertyReport {
  provider: string;
  /** Mutated or random requests tried. */
  cases: number;
  /** Requests that threw something other than a finhooks 4xx, or got a 5xx. */
  crashes: number;
  /**
   * Mutations of covered material that were accepted with an envelope
   * claiming authenticity for what changed. Must be 0.
   */
  acceptedSignedMutations: number;
  /** Mutations refused with a 4xx (the expected outcome for covered parts). */
  refused: number;
  /** Mutations of uncovered parts that were accepted, honestly flagged. */
  acceptedHonestly: number;
  /** The first few failures, for the report. */
  failures: string[];
}

/** Options of {@link checkAdapterProperties}. */
export interface AdapterPropertyOptions {
  /** Cases per property (four properties). Default 100. */
  numRuns?: number;
  seed?: number;
}

type Outcome =
  | { kind: 'refused' }
  | { kind: 'crash'; detail: string }
  | { kind: 'accepted'; event: AnyWebhookEventV1 | undefined };

async function outcomeOf(
  adapter: WebhookAdapterV1,
  request: RawWebhookRequest,
): Promise<Outcome> {
  let result: WebhookReceiveResultV1;
  try {
    result = await adapter.receive(request);
  } catch (error) {
    if (FinhooksError.isInstance(error) && error.httpStatus < 500)
      return { kind: 'refused' };
    return { kind: 'crash', detail: String(error) };
  }
  return {
    kind: 'accepted',
    event: result.kind === 'handshake' ? undefined : result.event,
  };
}

/**
 * Which authenticated-flagged parts of `mutated` differ from the genuine
 * event: a non-empty list is a forged claim of authenticity.
 */
function forgedParts(
  genuine: AnyWebhookEventV1,
  mutated: AnyWebhookEventV1,
): string[] {
  const forged: string[] = [];
  const { authenticity } = mutated;
  if (authenticity.scheme === 'none') return forged;
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(a) === JSON.stringify(b);
  const typeChanged = genuine.nativeType !== mutated.nativeType;
  // The same authenticated bytes read as another (unauthenticated) type
  // may parse differently: that is the type's flag to tell, not the body's.
  if (authenticity.body && !typeChanged && !same(genuine.data, mutated.data))
    forged.push('data');
  if (authenticity.type && typeChanged) forged.push('type');
  const subjectChanged = !same(genuine.subject, mutated.subject);
  if (authenticity.subject === true && subjectChanged) forged.push('subject');
  // The dedup key derives from authenticated material (plus the type and
  // subject it is scoped by): an unsigned change must never make a replay
  // look like a new event of the same type and subject.
  if (
    genuine.identity.key !== mutated.identity.key &&
    !(typeChanged && !authenticity.type) &&
    !(subjectChanged && authenticity.subject !== true)
  ) {
    forged.push('identity');
  }
  return forged;
}

/** Header values a proxy or an attacker could send (printable ASCII). */
const headerValue = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0x7e })
    .map(code => String.fromCharCode(code)),
  maxLength: 80,
});

const bodyMutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('flip', 'delete', 'insert', 'truncate'),
  byte: fc.integer({ min: 0, max: 255 }),
});

function mutateBody(
  body: Uint8Array,
  { at, kind, byte }: { at: number; kind: string; byte: number },
): Uint8Array | undefined {
  if (body.length === 0)
    return kind === 'insert' ? new Uint8Array([byte]) : undefined;
  const index = at % body.length;
  if (kind === 'flip') {
    const copy = body.slice();
    copy[index] = (copy[index]! ^ (byte || 1)) & 0xff;
    return copy;
  }
  if (kind === 'delete')
    return new Uint8Array([
      ...body.subarray(0, index),
      ...body.subarray(index + 1),
    ]);
  if (kind === 'insert')
    return new Uint8Array([
      ...body.subarray(0, index),
      byte,
      ...body.subarray(index),
    ]);
  return body.subarray(0, index);
}

const urlMutation = fc.oneof(
  fc.record({
    part: fc.constant('method' as const),
    value: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  }),
  fc.record({ part: fc.constant('host' as const), value: fc.domain() }),
  fc.record({ part: fc.constant('path' as const), value: fc.webSegment() }),
  fc.record({
    part: fc.constant('query-add' as const),
    value: fc.webSegment(),
  }),
  fc.record({
    part: fc.constant('query-change' as const),
    value: fc.webSegment(),
  }),
  fc.record({
    part: fc.constant('query-remove' as const),
    value: fc.constant(''),
  }),
);

function mutateUrl(
  request: RawWebhookRequest,
  mutation: { part: string; value: string },
  pick: number,
): RawWebhookRequest | undefined {
  const url = new URL(request.url);
  const keys = [...url.searchParams.keys()];
  switch (mutation.part) {
    case 'method':
      if (mutation.value === request.method) return undefined;
      return cloneRequest(request, { method: mutation.value });
    case 'host':
      if (mutation.value === url.hostname) return undefined;
      url.hostname = mutation.value;
      break;
    case 'path':
      url.pathname = `${url.pathname}/${mutation.value || 'x'}`;
      break;
    case 'query-add':
      url.searchParams.append(`fuzz${pick % 7}`, mutation.value);
      break;
    case 'query-change': {
      const key = keys[pick % Math.max(1, keys.length)];
      if (key === undefined || url.searchParams.get(key) === mutation.value)
        return undefined;
      url.searchParams.set(key, mutation.value);
      break;
    }
    default: {
      const key = keys[pick % Math.max(1, keys.length)];
      if (key === undefined) return undefined;
      url.searchParams.delete(key);
    }
  }
  return cloneRequest(request, { url: url.href });
}

/**
 * Runs four properties over every fixture, each `numRuns` times: body,
 * header and URL mutations of signed deliveries, and random requests
 * through the Fetch handler. Returns counts; never throws for a failed
 * property (read `acceptedSignedMutations` and `crashes`).
 */
export async function checkAdapterProperties(
  target: AdapterPropertyTarget,
  options: AdapterPropertyOptions = {},
): Promise<AdapterPropertyReport> {
  const numRuns = options.numRuns ?? 100;
  const adapter = target.createAdapter(target.secret);
  const report: AdapterPropertyReport = {
    provider: adapter.provider,
    cases: 0,
    crashes: 0,
    acceptedSignedMutations: 0,
    refused: 0,
    acceptedHonestly: 0,
    failures: [],
  };
  const fail = (message: string) => {
    if (report.failures.length < 10) report.failures.push(message);
  };

  // Signed fixtures, re-signed now and then so signed timestamps stay fresh.
  let signedAt = 0;
  let signed: {
    name: string;
    request: RawWebhookRequest;
    event: AnyWebhookEventV1;
    added: string[];
  }[] = [];
  async function fixtures() {
    if (Date.now() - signedAt < 60_000) return signed;
    signedAt = Date.now();
    signed = [];
    for (const fixture of target.fixtures) {
      const plain = createRawWebhookRequest(fixture.request);
      const request = await target.sign(cloneRequest(plain), {
        secret: target.secret,
        now: new Date(),
      });
      const result = await adapter.receive(cloneRequest(request));
      if (result.kind === 'handshake') continue;
      // What the signer added authenticates the request: always covered.
      const added: string[] = [];
      request.headers.forEach((value, name) => {
        if (plain.headers.get(name) !== value) added.push(name);
      });
      signed.push({ name: fixture.name, request, event: result.event, added });
    }
    return signed;
  }

  async function judge(
    fixture: { name: string; event: AnyWebhookEventV1 },
    mutated: RawWebhookRequest,
    covered: boolean,
    what: string,
  ): Promise<void> {
    report.cases += 1;
    const outcome = await outcomeOf(adapter, mutated);
    if (outcome.kind === 'crash') {
      report.crashes += 1;
      fail(`${fixture.name}: ${what} crashed: ${outcome.detail}`);
      return;
    }
    if (outcome.kind === 'refused') {
      report.refused += 1;
      return;
    }
    if (outcome.event === undefined) return; // a handshake changes nothing
    const forged = forgedParts(fixture.event, outcome.event);
    // Under a credentials scheme only the credential itself is checked:
    // integrity of the rest is TLS's job, so other changes are the sender's.
    const checked =
      fixture.event.authenticity.scheme === 'signature' || covered;
    if (checked && (covered || forged.length > 0)) {
      report.acceptedSignedMutations += 1;
      fail(
        `${fixture.name}: ${what} accepted (${forged.join(', ') || 'covered'})`,
      );
      return;
    }
    report.acceptedHonestly += 1;
  }

  const pick = fc.nat();
  const parameters = {
    numRuns,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };

  // 1. Body bytes: covered when the genuine event says the body was.
  await fc.assert(
    fc.asyncProperty(pick, bodyMutation, async (which, mutation) => {
      const list = await fixtures();
      const fixture = list[which % list.length]!;
      const body = mutateBody(fixture.request.body, mutation);
      if (body === undefined) return;
      const covered =
        fixture.event.authenticity.scheme === 'signature' &&
        fixture.event.authenticity.body;
      await judge(
        fixture,
        cloneRequest(fixture.request, { body }),
        covered,
        `body ${mutation.kind}@${mutation.at}`,
      );
    }),
    parameters,
  );

  // 2. Headers: signer-added and covered headers must not change.
  await fc.assert(
    fc.asyncProperty(
      pick,
      pick,
      fc.constantFrom('delete', 'replace', 'append'),
      headerValue,
      async (which, at, action, value) => {
        const list = await fixtures();
        const fixture = list[which % list.length]!;
        const names: string[] = [];
        fixture.request.headers.forEach(
          (_value, name) => void names.push(name),
        );
        const name = names[at % Math.max(1, names.length)];
        if (name === undefined) return;
        const original = fixture.request.headers.get(name) ?? '';
        if (
          action === 'replace' &&
          value.trim().toLowerCase() === original.trim().toLowerCase()
        )
          return;
        const mutated = cloneRequest(fixture.request);
        if (action === 'delete') mutated.headers.delete(name);
        else if (action === 'replace') mutated.headers.set(name, value);
        else mutated.headers.append(name, value);
        const covered =
          fixture.added.includes(name) ||
          (fixture.event.authenticity.scheme === 'signature' &&
            fixture.event.authenticity.headers.includes(name));
        // Appending to a signature header (`t=…,v0=…, junk`) keeps the
        // valid signature inside: harmless unless it changes the event,
        // which `forgedParts` catches. Dropping or replacing it must fail.
        await judge(
          fixture,
          mutated,
          covered && action !== 'append',
          `header ${action} ${name}`,
        );
      },
    ),
    parameters,
  );

  // 3. URL: method, host, path and query, covered when the event says so.
  await fc.assert(
    fc.asyncProperty(pick, pick, urlMutation, async (which, at, mutation) => {
      const list = await fixtures();
      const fixture = list[which % list.length]!;
      const mutated = mutateUrl(fixture.request, mutation, at);
      if (mutated === undefined) return;
      // A URL the adapter does not read (a configured public URL) may
      // change without effect; `forgedParts` catches any effect.
      await judge(
        fixture,
        mutated,
        false,
        `url ${mutation.part} ${mutation.value}`,
      );
    }),
    parameters,
  );

  // 4. Random requests through the HTTP handler: never a crash or a 5xx.
  const webhooks = createWebhooks({
    adapters: [adapter],
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  const handle = createFetchHandler(webhooks);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('GET', 'POST', 'PUT', 'HEAD', 'OPTIONS'),
      fc.array(fc.webSegment(), { maxLength: 4 }),
      fc.array(
        fc.tuple(
          fc.constantFrom(
            'content-type',
            'x-any',
            'event',
            'authorization',
            'x-forwarded-for',
          ),
          headerValue,
        ),
        { maxLength: 4 },
      ),
      fc.uint8Array({ maxLength: 2048 }),
      async (method, segments, headers, body) => {
        report.cases += 1;
        const init: RequestInit = { method, headers: [] };
        for (const [name, value] of headers)
          (init.headers as [string, string][]).push([name, value]);
        if (method !== 'GET' && method !== 'HEAD') init.body = body as BodyInit;
        const path = ['webhooks', adapter.provider, ...segments].join('/');
        let status: number;
        try {
          status = (
            await handle(new Request(`https://fuzz.test/${path}`, init))
          ).status;
        } catch (error) {
          report.crashes += 1;
          fail(`random ${method} /${path} threw ${String(error)}`);
          return;
        }
        if (status >= 500) {
          report.crashes += 1;
          fail(`random ${method} /${path} answered ${status}`);
        }
      },
    ),
    parameters,
  );
  return report;
}
