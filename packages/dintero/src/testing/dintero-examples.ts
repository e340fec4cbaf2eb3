import type { RawWebhookRequestInit } from '@finhooks/core';
import {
  dinteroCallbackFixtures,
  dinteroHookFixtures,
  dinteroPingFixture,
  type DinteroHookFixture,
} from './dintero-fixtures';

/** One example delivery, unsigned, addressed to the example app's route. */
export interface DinteroExample {
  name: string;
  /** The native type the adapter reads from it. */
  nativeType: string;
  /** The normalized type it maps to. */
  type: string;
  /**
   * Which Dintero mechanism sends it, so a simulator picks the right
   * secret: the Hooks subscription secret or the Checkout signature secret.
   */
  mechanism: 'hooks' | 'callback';
  /** For callbacks: the account id to sign with (part of the signature). */
  accountId?: string;
  request: RawWebhookRequestInit;
}

/** The example app's origin; a simulator rewrites it. */
const origin = 'http://localhost:3000';
const hooksUrl = `${origin}/webhooks/dintero`;

/**
 * The body as sent: the published example serialized as it is laid out in
 * Dintero's docs (four-space indent), UTF-8 characters kept.
 */
function bodyText(body: unknown): string {
  return JSON.stringify(body, null, 4);
}

function hookRequest(fixture: DinteroHookFixture): RawWebhookRequestInit {
  return {
    method: 'POST',
    url: hooksUrl,
    headers: fixture.headers,
    body: bodyText(fixture.body),
  };
}

/**
 * Every published Dintero example as an unsigned request (Hooks API event
 * examples of the seed documents), plus a GET and a POST Checkout callback
 * built from the documented query parameters. Sign them with
 * `signDinteroRequest` before sending.
 */
export const dinteroExamples: readonly DinteroExample[] = [
  ...dinteroHookFixtures.map((fixture): DinteroExample => ({
    name: fixture.name,
    nativeType: fixture.nativeType,
    type: fixture.type ?? '',
    mechanism: 'hooks',
    request: hookRequest(fixture),
  })),
  ...dinteroCallbackFixtures.map((fixture): DinteroExample => ({
    name: fixture.name,
    nativeType: fixture.nativeType,
    type: fixture.type,
    mechanism: 'callback',
    accountId: fixture.accountId,
    request: {
      method: fixture.method,
      url: `${origin}${fixture.path}`,
      headers: fixture.headers,
      ...(fixture.body === undefined ? {} : { body: bodyText(fixture.body) }),
    },
  })),
];

/** A handshake example: answered 200 by the adapter, not an event. */
export interface DinteroHandshakeExample {
  name: string;
  nativeType: string;
  request: RawWebhookRequestInit;
}

/** The published `ping` (sent when a subscription is created). */
export const dinteroHandshakeExamples: readonly DinteroHandshakeExample[] = [
  {
    name: dinteroPingFixture.name,
    nativeType: dinteroPingFixture.nativeType,
    request: hookRequest(dinteroPingFixture),
  },
];
