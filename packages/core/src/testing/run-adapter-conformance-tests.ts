import { describe, expect, it } from 'vitest';
import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from '../adapter/v1/raw-webhook-request';
import { redactHeaders } from '../adapter/v1/redact-headers';
import type { WebhookAdapterV1 } from '../adapter/v1/webhook-adapter-v1';
import { toCloudEvent } from '../envelope/v1/to-cloud-event';
import { webhookEventV1Schema } from '../envelope/v1/webhook-event-v1-schema';
import { ConfigurationError } from '../errors/configuration-error';
import { FinhooksError } from '../errors/finhooks-error';
import { InvalidJsonError } from '../errors/invalid-json-error';
import { cloneRequest } from './request-helpers';
import { checkSignedParts } from './signed-parts';

/** One published example delivery, unsigned. */
export interface ConformanceFixture {
  /** Test name, e.g. the seed example it comes from. */
  name: string;
  request: RawWebhookRequestInit;
  nativeType: string;
  /** Expected normalized type. */
  type: string;
  /** Expected subject id, where the example has one. */
  subjectId?: string;
  /**
   * @deprecated Ignored: whether a timestamp is signed is derived from the
   * signer.
   */
  timestamped?: boolean;
}

/** Options of {@link runAdapterConformanceTests}. */
export interface AdapterConformanceOptions {
  /** Builds the adapter with one secret or credential. */
  createAdapter: (secret: string) => WebhookAdapterV1;
  /** The secret the fixtures are signed with. */
  secret: string;
  fixtures: readonly ConformanceFixture[];
  /** Makes a request authentic under `secret` at time `now`. */
  sign: (
    request: RawWebhookRequest,
    options: { secret: string; now: Date },
  ) => RawWebhookRequest | Promise<RawWebhookRequest>;
  /** Removes whatever authenticates the request (signature, token). */
  stripAuthentication: (request: RawWebhookRequest) => RawWebhookRequest;
  /**
   * @deprecated Ignored: the kit finds out what the signer signs by signing
   * variants of each fixture.
   */
  signsBody?: boolean;
  /**
   * The adapter's signed-timestamp tolerance. Required when the signer signs
   * a timestamp (the kit finds out, and fails the adapter without it).
   */
  timestampToleranceSeconds?: number;
  /**
   * A request with an event type the adapter does not know, unsigned. Omit
   * only where the provider cannot express one (Tradevest: an unknown path
   * is a 404), and test that behaviour instead.
   */
  unknownEvent?: RawWebhookRequestInit;
  /** Handshakes the adapter must answer without the application. */
  handshakes?: readonly {
    name: string;
    request: RawWebhookRequestInit;
    signed: boolean;
  }[];
}

async function expectRefused(
  promise: Promise<unknown>,
  check?: (error: unknown) => boolean,
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(
    FinhooksError.isInstance(error),
    `expected a finhooks error, got ${String(error)}`,
  ).toBe(true);
  expect((error as FinhooksError).httpStatus).toBe(401);
  if (check !== undefined) expect(check(error), String(error)).toBe(true);
}

/**
 * The suite every adapter runs (after Auth.js's shared adapter tests): each
 * published example verifies and maps to a valid envelope; tampering, wrong
 * or missing credentials and stale or future timestamps are refused with
 * the right error; unknown types and handshakes behave as the design says.
 */
export function runAdapterConformanceTests(
  options: AdapterConformanceOptions,
): void {
  const adapter = options.createAdapter(options.secret);
  const sign = (
    init: RawWebhookRequestInit,
    { secret = options.secret, now = new Date() } = {},
  ) =>
    Promise.resolve(
      options.sign(createRawWebhookRequest(init), { secret, now }),
    );

  describe(`${adapter.provider} adapter conformance`, () => {
    it('should expose the v1 adapter contract', () => {
      expect(adapter.specVersion).toBe('v1');
      expect(adapter.provider).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(adapter.methods.length).toBeGreaterThan(0);
      expect(typeof adapter.receive).toBe('function');
      expect(adapter.nativeTypes.length).toBeGreaterThan(0);
    });

    it('should refuse to be built without a secret or credential', () => {
      expect(() => options.createAdapter('')).toThrowError(
        expect.objectContaining({ code: 'configuration_invalid' }) as Error,
      );
      try {
        options.createAdapter('');
      } catch (error) {
        expect(ConfigurationError.isInstance(error)).toBe(true);
      }
    });

    for (const fixture of options.fixtures) {
      describe(fixture.name, () => {
        it('should verify and map to a valid envelope', async () => {
          const request = await sign(fixture.request);
          const result = await adapter.receive(request);
          expect(
            result.kind,
            JSON.stringify(
              result.kind === 'invalid' ? result.event.issues : result,
            ),
          ).toBe('event');
          if (result.kind !== 'event') return;
          const { event } = result;
          expect(webhookEventV1Schema.safeParse(event).error).toBeUndefined();
          expect(event.provider).toBe(adapter.provider);
          expect(event.nativeType).toBe(fixture.nativeType);
          expect(event.type).toBe(fixture.type);
          expect(event.type).not.toBe(`${adapter.provider}.unknown`);
          if (fixture.subjectId !== undefined)
            expect(event.subject?.id).toBe(fixture.subjectId);
          expect(toCloudEvent(event).type).toBe(`finhooks.${fixture.type}`);
          // The id is stable: a retry of the same delivery deduplicates.
          const again = await adapter.receive(cloneRequest(request));
          expect(again.kind === 'event' && again.event.id).toBe(event.id);
          expect(event.identity.key).toBe(event.id);
          expect(event.authenticity.scheme).not.toBe('none');
        });

        it('should not store what authenticates the request', async () => {
          // Whatever the signer added (signatures, tokens) is a credential
          // or a MAC an offline guesser could test secrets against.
          const request = await sign(fixture.request);
          const unsigned = createRawWebhookRequest(fixture.request).headers;
          const kept = Object.keys(
            redactHeaders(request.headers, adapter.sensitiveHeaders),
          ).filter(name => unsigned.get(name) !== request.headers.get(name));
          expect(kept).toEqual([]);
        });

        it('should refuse every change to what its signer signs (derived, not declared)', async () => {
          expect(
            await checkSignedParts({
              adapter,
              sign: options.sign,
              secret: options.secret,
              request: fixture.request,
              ...(options.timestampToleranceSeconds === undefined
                ? {}
                : {
                    timestampToleranceSeconds:
                      options.timestampToleranceSeconds,
                  }),
            }),
          ).toEqual([]);
        });

        it('should refuse the wrong secret', async () => {
          const request = await sign(fixture.request, {
            secret: `${options.secret}-wrong`,
          });
          await expectRefused(adapter.receive(request));
        });

        it('should refuse a request without credentials', async () => {
          const request = options.stripAuthentication(
            await sign(fixture.request),
          );
          await expectRefused(adapter.receive(request));
        });
      });
    }

    const { unknownEvent } = options;
    if (unknownEvent !== undefined)
      it('should deliver an unknown event type as <provider>.unknown', async () => {
        const result = await adapter.receive(await sign(unknownEvent));
        expect(result.kind).toBe('event');
        if (result.kind !== 'event') return;
        expect(result.event.type).toBe(`${adapter.provider}.unknown`);
        expect(
          webhookEventV1Schema.safeParse(result.event).error,
        ).toBeUndefined();
        expect(adapter.nativeTypes).not.toContain(result.event.nativeType);
        expect(result.warnings.map(warning => warning.type)).toContain(
          'unsupported',
        );
      });

    const jsonFixture = options.fixtures.find(
      fixture => (fixture.request.method ?? 'POST') === 'POST',
    );
    if (jsonFixture !== undefined) {
      it('should refuse an authentic body that is not JSON with InvalidJsonError', async () => {
        const request = await sign({
          ...jsonFixture.request,
          body: '{"truncated": ',
        });
        const error = await adapter
          .receive(request)
          .catch((caught: unknown) => caught);
        expect(InvalidJsonError.isInstance(error), String(error)).toBe(true);
        expect((error as InvalidJsonError).httpStatus).toBe(400);
      });
    }

    for (const handshake of options.handshakes ?? []) {
      it(`should answer the ${handshake.name} handshake without the application`, async () => {
        const request = handshake.signed
          ? await sign(handshake.request)
          : createRawWebhookRequest(handshake.request);
        const result = await adapter.receive(request);
        expect(result.kind).toBe('handshake');
        if (result.kind === 'handshake')
          expect(result.handshake.response.status).toBe(200);
      });
    }
  });
}
