import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from '@finhooks/core';
import { configuredProviders, type AppConfig } from './config';

/** One example delivery, signed with the app's own secrets. */
export interface SignedExample {
  provider: string;
  name: string;
  nativeType: string;
  type: string;
  request: RawWebhookRequest;
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
  const all: SignedExample[] = [];
  for (const { provider, settings } of configuredProviders(config)) {
    for (const { examples, sign } of provider.exampleSets(settings, now)) {
      all.push(
        ...(await Promise.all(
          examples.map(async example => ({
            provider: provider.name,
            name: example.name,
            nativeType: example.nativeType,
            type: example.type,
            request: await sign(retarget(example.request, baseUrl)),
          })),
        )),
      );
    }
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
