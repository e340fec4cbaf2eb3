// What an adapter's own signer signs, found by signing variants of one
// request and watching which changes change what the signer adds. The
// conformance kit derives its tamper and replay checks from this, so an
// adapter cannot switch a check off by leaving a flag unset.
import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from '../adapter/v1/raw-webhook-request';
import type { WebhookAdapterV1 } from '../adapter/v1/webhook-adapter-v1';
import { FinhooksError } from '../errors/finhooks-error';
import { cloneRequest, tamperBody } from './request-helpers';

/** Makes a request authentic under `secret` at time `now`. */
export type ConformanceSigner = (
  request: RawWebhookRequest,
  options: { secret: string; now: Date },
) => RawWebhookRequest | Promise<RawWebhookRequest>;

/** What the signer's output depends on. */
export interface SignedParts {
  /** Headers the signer adds or changes (signatures, tokens, timestamps). */
  addedHeaders: string[];
  body: boolean;
  url: boolean;
  timestamp: boolean;
}

function addedValues(
  plain: RawWebhookRequest,
  signed: RawWebhookRequest,
): Map<string, string> {
  const added = new Map<string, string>();
  signed.headers.forEach((value, name) => {
    if (plain.headers.get(name) !== value) added.set(name, value);
  });
  return added;
}

function sameValues(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, value] of a) if (b.get(name) !== value) return false;
  return true;
}

/** A copy of the request with one query parameter added. */
export function tamperUrl(request: RawWebhookRequest): RawWebhookRequest {
  const url = new URL(request.url);
  url.searchParams.append('finhooks_tamper', '1');
  return cloneRequest(request, { url: url.href });
}

/** Signs variants of `init` and reports which parts the signature covers. */
export async function deriveSignedParts(
  sign: ConformanceSigner,
  init: RawWebhookRequestInit,
  secret: string,
): Promise<SignedParts> {
  const now = new Date();
  const plain = createRawWebhookRequest(init);
  const signedAt = async (request: RawWebhookRequest, at = now) =>
    addedValues(
      request,
      await sign(cloneRequest(request), { secret, now: at }),
    );
  const base = await signedAt(plain);
  return {
    addedHeaders: [...base.keys()],
    body: !sameValues(base, await signedAt(tamperBody(plain))),
    url: !sameValues(base, await signedAt(tamperUrl(plain))),
    timestamp: !sameValues(
      base,
      await signedAt(plain, new Date(now.getTime() + 17_000)),
    ),
  };
}

async function refused(promise: Promise<unknown>): Promise<boolean> {
  try {
    await promise;
    return false;
  } catch (error) {
    return FinhooksError.isInstance(error) && error.httpStatus === 401;
  }
}

/**
 * The checks that follow from the signed parts, as a list of failures
 * (empty when the adapter holds): a change to any signed part, a wrong
 * secret, a missing credential, and a signed timestamp outside the
 * declared tolerance are refused with 401; one inside it is accepted.
 */
export async function checkSignedParts(options: {
  adapter: WebhookAdapterV1;
  sign: ConformanceSigner;
  secret: string;
  request: RawWebhookRequestInit;
  timestampToleranceSeconds?: number;
}): Promise<string[]> {
  const { adapter, secret } = options;
  const failures: string[] = [];
  const parts = await deriveSignedParts(options.sign, options.request, secret);
  const sign = async (
    request = createRawWebhookRequest(options.request),
    { key = secret, now = new Date() } = {},
  ) => options.sign(cloneRequest(request), { secret: key, now });

  if (parts.addedHeaders.length === 0)
    failures.push('the signer adds nothing: the adapter cannot authenticate');
  if (await refused(adapter.receive(await sign())))
    failures.push('a correctly signed request is refused');
  if (
    (await refused(
      adapter.receive(await sign(undefined, { key: `${secret}-wrong` })),
    )) === false
  )
    failures.push('a request signed with the wrong secret is accepted');
  const stripped = cloneRequest(await sign());
  for (const name of parts.addedHeaders) stripped.headers.delete(name);
  if (!(await refused(adapter.receive(stripped))))
    failures.push('a request without what the signer adds is accepted');
  if (parts.body && !(await refused(adapter.receive(tamperBody(await sign())))))
    failures.push('the signer signs the body, but a tampered body is accepted');
  if (parts.url && !(await refused(adapter.receive(tamperUrl(await sign())))))
    failures.push('the signer signs the URL, but a tampered query is accepted');
  if (parts.timestamp) {
    const tolerance = options.timestampToleranceSeconds;
    if (tolerance === undefined) {
      failures.push(
        'the signer signs a timestamp: declare timestampToleranceSeconds',
      );
    } else {
      const at = (seconds: number) => new Date(Date.now() + seconds * 1000);
      if (
        !(await refused(
          adapter.receive(
            await sign(undefined, { now: at(-(tolerance + 60)) }),
          ),
        ))
      )
        failures.push(`a timestamp ${tolerance + 60} s old is accepted`);
      if (
        !(await refused(
          adapter.receive(await sign(undefined, { now: at(tolerance + 60) })),
        ))
      )
        failures.push(
          `a timestamp ${tolerance + 60} s in the future is accepted`,
        );
      const inside = Math.floor(tolerance / 2);
      if (
        await refused(
          adapter.receive(await sign(undefined, { now: at(-inside) })),
        )
      )
        failures.push(
          `a timestamp ${inside} s old (inside the tolerance) is refused`,
        );
    }
  }
  return failures;
}
