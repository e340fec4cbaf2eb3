import { createHash } from 'node:crypto';
import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from '@finhooks/core';
import {
  dinteroExamples,
  dinteroHandshakeExamples,
  signDinteroRequest,
} from '@finhooks/dintero/testing';
import { redpinExamples, signRedpinRequest } from '@finhooks/redpin/testing';
import { signSolarisRequest, solarisExamples } from '@finhooks/solaris/testing';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import type { AppConfig, ProviderName } from './config';

/** One example delivery, signed with the app's own secrets. */
export interface SignedExample {
  provider: ProviderName;
  name: string;
  nativeType: string;
  type: string;
  request: RawWebhookRequest;
}

interface Example {
  name: string;
  nativeType: string;
  type: string;
  request: RawWebhookRequestInit;
}

/**
 * The published Dintero Hooks examples share two `event-delivery` ids, so
 * all but two would be deduplicated away. Give each example its own stable
 * id (header and signed body alike) so every one shows up once, and a
 * second simulator run shows the deduplication.
 */
function distinctDinteroDelivery(example: Example): Example {
  const id = createHash('sha256')
    .update(`finhooks-simulator:${example.name}`)
    .digest('hex');
  const deliveryId = `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${id.slice(17, 20)}-${id.slice(20, 32)}`;
  const headers = new Headers(example.request.headers);
  headers.set('event-delivery', deliveryId);
  let body = example.request.body;
  const text =
    typeof body === 'string'
      ? body
      : new TextDecoder().decode(body ?? new Uint8Array());
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    for (const key of ['event_delivery', 'event-delivery']) {
      if (key in parsed) parsed[key] = deliveryId;
    }
    body = JSON.stringify(parsed);
  } catch {
    // not JSON: leave the body as published
  }
  return { ...example, request: { ...example.request, headers, body } };
}

/** Points an example (made for http://localhost:3000) at `baseUrl`. */
function retarget(
  init: RawWebhookRequestInit,
  baseUrl: string,
): RawWebhookRequest {
  const original = new URL(init.url);
  const url = new URL(original.pathname + original.search, baseUrl);
  return createRawWebhookRequest({ ...init, url: url.toString() });
}

async function signAll(
  provider: ProviderName,
  examples: readonly Example[],
  baseUrl: string,
  sign: (request: RawWebhookRequest) => Promise<RawWebhookRequest>,
): Promise<SignedExample[]> {
  return Promise.all(
    examples.map(async example => ({
      provider,
      name: example.name,
      nativeType: example.nativeType,
      type: example.type,
      request: await sign(retarget(example.request, baseUrl)),
    })),
  );
}

/**
 * Every adapter's published examples for the enabled providers, signed
 * exactly as the provider would with the configured secrets, addressed to
 * `baseUrl`. Providers without configuration are skipped.
 */
export async function signedExamples(
  config: AppConfig,
  baseUrl: string,
  now: Date = new Date(),
): Promise<SignedExample[]> {
  const { dintero, solaris, redpin, tradevest } = config.providers;
  const all: SignedExample[] = [];
  if (dintero) {
    const { webhookSecret, checkout } = dintero;
    const hooks = [
      ...dinteroHandshakeExamples.map(example => ({
        ...example,
        type: 'handshake',
      })),
      ...dinteroExamples
        .filter(example => example.mechanism === 'hooks')
        .map(distinctDinteroDelivery),
    ];
    const callbacks = dinteroExamples.filter(
      example => example.mechanism === 'callback',
    );
    if (webhookSecret !== undefined) {
      all.push(
        ...(await signAll('dintero', hooks, baseUrl, request =>
          signDinteroRequest(request, { secret: webhookSecret, now }),
        )),
      );
    }
    if (checkout) {
      all.push(
        ...(await signAll('dintero', callbacks, baseUrl, request =>
          signDinteroRequest(request, {
            secret: checkout.secret,
            accountId: checkout.accountId,
            now,
          }),
        )),
      );
    }
  }
  if (solaris) {
    // One secret per event type where configured, else the shared one.
    const secretOf = (eventType: string) =>
      solaris.secretsByEventType?.[eventType] ?? solaris.secret;
    const signable = solarisExamples.filter(
      example => secretOf(example.nativeType) !== undefined,
    );
    all.push(
      ...(await signAll('solaris', signable, baseUrl, request =>
        signSolarisRequest(request, {
          secret: secretOf(
            request.headers.get('solaris-webhook-event-type') ?? '',
          )!,
          now,
        }),
      )),
    );
  }
  if (redpin) {
    all.push(
      ...(await signAll('redpin', redpinExamples, baseUrl, request =>
        signRedpinRequest(request, {
          secret: redpin.token,
          headerName: redpin.header,
          now,
        }),
      )),
    );
  }
  if (tradevest) {
    all.push(
      ...(await signAll('tradevest', tradevestExamples, baseUrl, request =>
        signTradevestRequest(request, {
          secret: tradevest.token,
          headerName: tradevest.header,
          now,
        }),
      )),
    );
  }
  return all;
}

/** Sends one raw request with `fetch` (the body exactly as signed). */
export function send(request: RawWebhookRequest): Promise<Response> {
  return fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.method === 'GET' || request.method === 'HEAD'
      ? {}
      : { body: new Uint8Array(request.body) }),
  });
}
