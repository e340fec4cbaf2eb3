export { redpinExamples, type RedpinExample } from './redpin-examples';
export {
  REDPIN_TEST_TOKEN_HEADER,
  signRedpinRequest,
  type SignRedpinRequestOptions,
} from './sign-redpin-request';
