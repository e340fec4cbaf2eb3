// Every adapter, built with test credentials, with its published examples
// signed: what the vocabulary test and docs/events.md are made from.
import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
  type WebhookAdapterV1,
} from '../packages/core/src/index';
import {
  createDinteroAdapter,
  dinteroEventReferences,
} from '../packages/dintero/src/index';
import {
  dinteroExamples,
  signDinteroRequest,
} from '../packages/dintero/src/testing/index';
import {
  createRedpinAdapter,
  redpinEventReferences,
} from '../packages/redpin/src/index';
import {
  REDPIN_TEST_TOKEN_HEADER,
  redpinExamples,
  signRedpinRequest,
} from '../packages/redpin/src/testing/index';
import {
  createSolarisAdapter,
  solarisEventReferences,
} from '../packages/solaris/src/index';
import {
  signSolarisRequest,
  solarisExamples,
} from '../packages/solaris/src/testing/index';
import {
  createTradevestAdapter,
  tradevestEventReferences,
} from '../packages/tradevest/src/index';
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
  /** Native type → where the provider documents it (not in the bundle). */
  references: Readonly<Record<string, string>>;
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
    references: dinteroEventReferences,
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
    references: solarisEventReferences,
    examples: solarisExamples,
    sign: request => signSolarisRequest(request, { secret }),
  },
  {
    adapter: createRedpinAdapter({
      auth: { headers: [{ name: REDPIN_TEST_TOKEN_HEADER, value: secret }] },
    }),
    references: redpinEventReferences,
    examples: redpinExamples,
    sign: request => signRedpinRequest(request, { secret }),
  },
  {
    adapter: createTradevestAdapter({
      headers: [{ name: 'api-key', value: secret }],
    }),
    references: tradevestEventReferences,
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
