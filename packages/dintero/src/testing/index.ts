export {
  dinteroExamples,
  dinteroHandshakeExamples,
  type DinteroExample,
  type DinteroHandshakeExample,
} from './dintero-examples';
export {
  signDinteroRequest,
  type SignDinteroRequestOptions,
} from './sign-dintero-request';
