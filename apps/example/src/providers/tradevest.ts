import { createTradevestAdapter } from '@finhooks/tradevest';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { staticHeaderProvider } from './static-header';

export const tradevest = staticHeaderProvider({
  name: 'tradevest',
  demo: { header: 'api-key', token: 'demo-tradevest-token' },
  createAdapter: ({ header, token }) =>
    createTradevestAdapter({ headers: [{ name: header, value: token }] }),
  examples: tradevestExamples,
  sign: signTradevestRequest,
  // One path per notification type: /webhooks/tradevest/customer-notification, …
  routes: [{ path: '/webhooks/tradevest/:path', methods: ['POST'] }],
});
