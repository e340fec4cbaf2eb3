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
