import { runAdapterPropertyTests } from '@finhooks/core/testing';
import { describe } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import { signSolarisRequest } from './testing/sign-solaris-request';
import { solarisExamples } from './testing/solaris-examples';

// Mutations of every signed example: body bytes, headers (the signature, the
// unsigned type, entity-id and delivery-id headers), URL. `pnpm fuzz` runs
// the same properties for 100,000 cases.
describe('solaris adapter properties (one secret for every type)', () => {
  runAdapterPropertyTests({
    createAdapter: secret =>
      createSolarisAdapter({
        defaultSecret: secret,
        allowSharedSecretForDeletions: true,
      }),
    secret: 'solaris-property-secret',
    fixtures: solarisExamples,
    sign: (request, { secret }) => signSolarisRequest(request, { secret }),
  });
});
