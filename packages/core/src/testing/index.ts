export {
  runAdapterConformanceTests,
  type AdapterConformanceOptions,
  type ConformanceFixture,
} from './run-adapter-conformance-tests';
export {
  cloneRequest,
  tamperBody,
  toFetchRequest,
  withHeaders,
} from './request-helpers';
export {
  runDurableStoreContractTests,
  type DurableStoreContractDatabase,
  type DurableStoreContractOptions,
  type DurableStoreContractTarget,
} from './run-durable-store-contract-tests';
export {
  checkAdapterProperties,
  type AdapterPropertyOptions,
  type AdapterPropertyReport,
  type AdapterPropertyTarget,
} from './adapter-properties';
export { runAdapterPropertyTests } from './run-adapter-property-tests';
export {
  checkSignedParts,
  deriveSignedParts,
  type ConformanceSigner,
  type SignedParts,
} from './signed-parts';
export { createTestWebhookEvent } from './test-webhook-event';
