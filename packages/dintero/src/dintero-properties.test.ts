import { runAdapterPropertyTests } from '@finhooks/core/testing';
import { describe } from 'vitest';
import { createDinteroAdapter } from './dintero-adapter';
import { dinteroExamples, signDinteroRequest } from './testing/index';

const accountId = 'T12345678';
const hooks = dinteroExamples.filter(example => example.mechanism === 'hooks');
const callbacks = dinteroExamples.filter(
  example => example.mechanism === 'callback',
);

// Mutations of every signed example: body bytes, headers, URL. `pnpm fuzz`
// runs the same properties for 100,000 cases.
describe('dintero Hooks API properties', () => {
  runAdapterPropertyTests({
    createAdapter: secret => createDinteroAdapter({ secret }),
    secret: 'hooks-subscription-secret',
    fixtures: hooks,
    sign: (request, options) => signDinteroRequest(request, options),
  });
});

describe('dintero Checkout callback properties', () => {
  runAdapterPropertyTests({
    createAdapter: secret =>
      createDinteroAdapter({ checkout: { secret, accountId } }),
    secret: 'checkout-signature-secret',
    fixtures: callbacks,
    sign: (request, options) =>
      signDinteroRequest(request, { ...options, accountId }),
  });
});
