import type { RawWebhookRequestInit } from '@finhooks/core';
import { solarisEvents } from '../solaris-events';
import { solarisFixtures } from './solaris-fixtures';

/** One published Solaris example as an unsigned request. */
export interface SolarisExample {
  /** The example's name, e.g. `BOOKING`. */
  name: string;
  /** `Solaris-Webhook-Event-Type`. */
  nativeType: string;
  /** The normalized type the adapter maps it to. */
  type: string;
  /** The request as Solaris sends it, minus the signature. */
  request: RawWebhookRequestInit;
}

/** The example app's Solaris route (docs/architecture.md#routes). */
const exampleUrl = 'http://localhost:3000/webhooks/solaris';

function normalizedType(nativeType: string): string {
  return Object.hasOwn(solarisEvents, nativeType)
    ? solarisEvents[nativeType as keyof typeof solarisEvents].type
    : 'solaris.unknown';
}

/**
 * Every published Solaris example as an UNSIGNED request to the example
 * app's route, with Solaris's headers (event type, webhook id, subscription
 * id, attempt, entity id) and the example body as compact JSON. Sign with
 * `signSolarisRequest` before sending.
 */
export const solarisExamples: readonly SolarisExample[] = solarisFixtures.map(
  fixture => ({
    name: fixture.nativeType,
    nativeType: fixture.nativeType,
    type: normalizedType(fixture.nativeType),
    request: {
      method: 'POST',
      url: exampleUrl,
      headers: { 'content-type': 'application/json', ...fixture.headers },
      body: JSON.stringify(fixture.body),
    },
  }),
);
