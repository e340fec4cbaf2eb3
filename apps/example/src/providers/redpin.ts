import { createRedpinAdapter } from '@finhooks/redpin';
import { redpinExamples, signRedpinRequest } from '@finhooks/redpin/testing';
import { staticHeaderProvider } from './static-header';

export const redpin = staticHeaderProvider({
  name: 'redpin',
  demo: { header: 'x-api-key', token: 'demo-redpin-token' },
  createAdapter: ({ header, token }) =>
    createRedpinAdapter({
      auth: { headers: [{ name: header, value: token }] },
    }),
  examples: redpinExamples,
  sign: signRedpinRequest,
});
