import {
  runAdapterConformanceTests,
  withHeaders,
} from '@finhooks/core/testing';
import { createSolarisAdapter } from './solaris-adapter';
import { solarisRequest, testSecret, testUrl } from './solaris-test-helpers';
import { signSolarisRequest } from './testing/sign-solaris-request';
import { solarisExamples } from './testing/solaris-examples';

const subjects: Record<string, string> = {
  ACCOUNT_BLOCK: 'adc123a45d6d7cf8fbfeed537ba919d5cacc',
  BOOKING: 'fe6561bdb526ed8866e9dac00bd1848ecboo',
  BUSINESS_CHANGED: '880bbac68a34add190786b9c74f4c82fcbiz',
  BUSINESS_DELETED: 'cba4289c773b7450482ee88a6e5126e9cbiz',
  BUSINESS_TAX_IDENTIFICATION_CHANGED: 'e51dac3dfa8bd52f9df1a50b091dcbiz',
  CARD_LIFECYCLE_EVENT: '8febdba4912a747808ccc6f95f82bbb4',
  PERSON_CHANGED: 'c724a8d510c5294affadf8c95a8119b5cper',
  PERSON_DELETED: 'dc1a6812a14f6cc338cd084208535bcdcper',
  PERSON_MOBILE_NUMBER_CREATED: 'b109ee6f66d2a061e006bd31c6455df2cper',
  PERSON_TAX_IDENTIFICATION_CHANGED: 'dc1a6812a14f6cc338cd084208535bcdcper',
};

runAdapterConformanceTests({
  createAdapter: secret =>
    createSolarisAdapter({
      defaultSecret: secret,
      allowSharedSecretForDeletions: true,
    }),
  secret: testSecret,
  sign: (request, { secret }) => signSolarisRequest(request, { secret }),
  stripAuthentication: request =>
    withHeaders(request, { 'solaris-webhook-signature': null }),
  fixtures: solarisExamples.map(example => ({
    name: example.name,
    request: { ...example.request, url: testUrl },
    nativeType: example.nativeType,
    type: example.type,
    ...(subjects[example.nativeType] === undefined
      ? {}
      : { subjectId: subjects[example.nativeType] }),
  })),
  unknownEvent: solarisRequest('SOMETHING_SOLARIS_ADDED_LATER', {
    id: 'new_1',
  }),
  handshakes: [
    {
      name: 'WEBHOOK-SUBSCRIPTION check',
      request: {
        url: testUrl,
        headers: { 'SOLARIS-WEBHOOK-EVENT-TYPE': 'WEBHOOK-SUBSCRIPTION' },
      },
      signed: false,
    },
  ],
});
