import { runAdapterPropertyTests } from '@finhooks/core/testing';
import { describe } from 'vitest';
import { signTradevestRequest, tradevestExamples } from './testing/index';
import { createTradevestAdapter } from './tradevest-adapter';

// Tradevest signs nothing: the properties check that the configured header
// cannot be altered or dropped, and that nothing crashes. `pnpm fuzz` runs
// them for 100,000 cases.
describe('tradevest adapter properties', () => {
  runAdapterPropertyTests({
    createAdapter: value =>
      createTradevestAdapter({ headers: [{ name: 'api-key', value }] }),
    secret: 'tv_secret_api_key',
    fixtures: tradevestExamples,
    sign: signTradevestRequest,
  });
});
