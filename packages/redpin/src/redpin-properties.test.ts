import { runAdapterPropertyTests } from '@finhooks/core/testing';
import { describe } from 'vitest';
import { createRedpinAdapter } from './redpin-adapter';
import {
  REDPIN_TEST_TOKEN_HEADER,
  redpinExamples,
  signRedpinRequest,
} from './testing/index';

// Redpin signs nothing: the properties check that the configured token
// cannot be altered or dropped, and that nothing crashes. `pnpm fuzz` runs
// them for 100,000 cases.
describe('redpin adapter properties', () => {
  runAdapterPropertyTests({
    createAdapter: secret =>
      createRedpinAdapter({
        auth: { headers: [{ name: REDPIN_TEST_TOKEN_HEADER, value: secret }] },
      }),
    secret: 'redpin-token-7f3a',
    fixtures: redpinExamples,
    sign: signRedpinRequest,
  });
});
