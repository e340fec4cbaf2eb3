// Shared by the tests only (never exported from the package).
import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from '@finhooks/core';
import { signSolarisRequest } from './testing/sign-solaris-request';

export const testSecret = 'f82c389fb187274227186b5a58781978';
export const testUrl = 'https://hooks.example.com/webhooks/solaris';

/** An unsigned Solaris request of one event type. */
export function solarisRequest(
  eventType: string,
  body: unknown,
  headers: Record<string, string> = {},
): RawWebhookRequestInit {
  return {
    method: 'POST',
    url: testUrl,
    headers: { 'Solaris-Webhook-Event-Type': eventType, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** The same, signed with `secret`. */
export function signedSolarisRequest(
  eventType: string,
  body: unknown,
  headers: Record<string, string> = {},
  secret = testSecret,
): Promise<RawWebhookRequest> {
  return signSolarisRequest(
    createRawWebhookRequest(solarisRequest(eventType, body, headers)),
    { secret },
  );
}

/**
 * One secret for every type, deletions included (the opt-in): the settings
 * of tests that sign every fixture with {@link testSecret}.
 */
export const sharedSecretSettings = {
  defaultSecret: testSecret,
  allowSharedSecretForDeletions: true,
} as const;
