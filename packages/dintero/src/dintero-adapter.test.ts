import { expect, it } from 'vitest';
import { createRawWebhookRequest } from '@finhooks/core';
import {
  runAdapterConformanceTests,
  withHeaders,
} from '@finhooks/core/testing';
import { createDinteroAdapter } from './dintero-adapter';
import {
  dinteroExamples,
  dinteroHandshakeExamples,
  signDinteroRequest,
} from './testing/index';
import {
  dinteroCallbackFixtures,
  dinteroHookFixtures,
} from './testing/dintero-fixtures';

const subjectIdOf = (subjectId: string | undefined) =>
  subjectId === undefined ? {} : { subjectId };

const hookExamples = dinteroExamples.filter(
  example => example.mechanism === 'hooks',
);
const callbackExamples = dinteroExamples.filter(
  example => example.mechanism === 'callback',
);
const fixtureAccountId = 'T12345678';

// Hooks API deliveries: HMAC-SHA1 over the raw body, no timestamp.
runAdapterConformanceTests({
  createAdapter: secret => createDinteroAdapter({ secret }),
  secret: 'hooks-subscription-secret',
  sign: (request, options) => signDinteroRequest(request, options),
  stripAuthentication: request =>
    withHeaders(request, { 'event-signature': null }),
  fixtures: hookExamples.map((example, index) => ({
    name: example.name,
    request: example.request,
    nativeType: example.nativeType,
    type: example.type,
    ...subjectIdOf(dinteroHookFixtures[index]?.subjectId),
  })),
  unknownEvent: {
    url: 'http://localhost:3000/webhooks/dintero',
    headers: { event: 'payout_report_add', 'event-delivery': 'delivery-1' },
    body: JSON.stringify({
      account_id: 'P12345678',
      event: 'payout_report_add',
      event_delivery: 'delivery-1',
      payout_report: { id: 'report-1' },
    }),
  },
  handshakes: dinteroHandshakeExamples.flatMap(example => [
    { name: 'Hooks ping', request: example.request, signed: true },
    // Sent unsigned when the subscription has no secret.
    { name: 'unsigned Hooks ping', request: example.request, signed: false },
  ]),
});

// Checkout callbacks: HMAC-SHA256 over timestamp, account and URL; the body
// is not signed, so the tampered-body check does not apply.
runAdapterConformanceTests({
  createAdapter: secret =>
    createDinteroAdapter({ checkout: { secret, accountId: fixtureAccountId } }),
  secret: 'checkout-signature-secret',
  sign: (request, options) =>
    signDinteroRequest(request, { ...options, accountId: fixtureAccountId }),
  stripAuthentication: request =>
    withHeaders(request, { 'dintero-signature': null }),
  signsBody: false,
  timestampToleranceSeconds: 300,
  fixtures: callbackExamples.map((example, index) => ({
    name: example.name,
    request: example.request,
    nativeType: example.nativeType,
    type: example.type,
    // An error callback (report_error=true) may have no transaction_id.
    ...subjectIdOf(dinteroCallbackFixtures[index]?.subjectId),
    timestamped: true,
  })),
});

// Guard: the conformance runs above see every published example.
it('should run the conformance suite over every example', () => {
  expect(hookExamples.length + callbackExamples.length).toBe(
    dinteroExamples.length,
  );
  expect(hookExamples.length).toBe(17);
  expect(callbackExamples.length).toBe(3);
  expect(createRawWebhookRequest(hookExamples[0]!.request).method).toBe('POST');
  hookExamples.forEach((example, index) =>
    expect(dinteroHookFixtures[index]?.name).toBe(example.name),
  );
  callbackExamples.forEach((example, index) =>
    expect(dinteroCallbackFixtures[index]?.name).toBe(example.name),
  );
});
