import { runAdapterConformanceTests } from './run-adapter-conformance-tests';
import { createFakeAdapter, signFakeRequest } from './fake-adapter';
import { withHeaders } from './request-helpers';

const url = 'https://hooks.example.com/webhooks/fake';

runAdapterConformanceTests({
  createAdapter: secret => createFakeAdapter({ secret }),
  secret: 'whsec_test',
  sign: signFakeRequest,
  stripAuthentication: request =>
    withHeaders(request, { 'x-fake-signature': null }),
  timestampToleranceSeconds: 300,
  fixtures: [
    {
      name: 'customer.update',
      request: {
        url,
        body: JSON.stringify({
          id: 'evt_1',
          type: 'customer.update',
          customer: { id: 'cus_1', status: 'ACTIVE' },
        }),
      },
      nativeType: 'customer.update',
      type: 'customer.updated',
      subjectId: 'cus_1',
      timestamped: true,
    },
    {
      name: 'payment.captured without delivery id',
      request: {
        url,
        body: JSON.stringify({
          type: 'payment.captured',
          payment: { id: 'pay_1', amount: 1250, at: '2026-11-01T10:00:00Z' },
        }),
      },
      nativeType: 'payment.captured',
      type: 'payment.status_changed',
      subjectId: 'pay_1',
      timestamped: true,
    },
  ],
  unknownEvent: {
    url,
    body: JSON.stringify({ type: 'refund.created', refund: { id: 'ref_1' } }),
  },
  handshakes: [
    {
      name: 'signed ping',
      request: { url, body: JSON.stringify({ type: 'ping' }) },
      signed: true,
    },
    {
      name: 'unsigned subscription check',
      request: { url, headers: { 'x-fake-check': 'subscribe' } },
      signed: false,
    },
  ],
});
