// Every adapter, built with test credentials, with its published examples
// signed: what the vocabulary test and docs/events.md are made from.
import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
  type WebhookAdapterV1,
} from '../packages/core/src/index';
import { createDinteroAdapter } from '../packages/dintero/src/index';
import {
  dinteroExamples,
  signDinteroRequest,
} from '../packages/dintero/src/testing/index';
import { createRedpinAdapter } from '../packages/redpin/src/index';
import {
  REDPIN_TEST_TOKEN_HEADER,
  redpinExamples,
  signRedpinRequest,
} from '../packages/redpin/src/testing/index';
import { createSolarisAdapter } from '../packages/solaris/src/index';
import {
  signSolarisRequest,
  solarisExamples,
} from '../packages/solaris/src/testing/index';
import { createTradevestAdapter } from '../packages/tradevest/src/index';
import {
  signTradevestRequest,
  tradevestExamples,
} from '../packages/tradevest/src/testing/index';

export interface VocabularyExample {
  name: string;
  request: RawWebhookRequestInit;
}

export interface VocabularyTarget {
  adapter: WebhookAdapterV1;
  examples: readonly VocabularyExample[];
  sign: (request: RawWebhookRequest) => Promise<RawWebhookRequest>;
}

const secret = 'vocabulary-test-secret';
const accountId = 'T12345678';

export const vocabularyTargets: readonly VocabularyTarget[] = [
  {
    adapter: createDinteroAdapter({
      secret,
      checkout: { secret, accountId },
    }),
    examples: dinteroExamples,
    sign: async request =>
      signDinteroRequest(request, {
        secret,
        accountId,
        now: new Date(),
      }),
  },
  {
    adapter: createSolarisAdapter({
      defaultSecret: secret,
      allowSharedSecretForDeletions: true,
    }),
    examples: solarisExamples,
    sign: request => signSolarisRequest(request, { secret }),
  },
  {
    adapter: createRedpinAdapter({
      auth: { headers: [{ name: REDPIN_TEST_TOKEN_HEADER, value: secret }] },
    }),
    examples: redpinExamples,
    sign: request => signRedpinRequest(request, { secret }),
  },
  {
    adapter: createTradevestAdapter({
      headers: [{ name: 'api-key', value: secret }],
    }),
    examples: tradevestExamples,
    sign: request => signTradevestRequest(request, { secret }),
  },
];

export function signedExample(
  target: VocabularyTarget,
  example: VocabularyExample,
): Promise<RawWebhookRequest> {
  return target.sign(createRawWebhookRequest(example.request));
}
