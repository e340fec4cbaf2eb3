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
