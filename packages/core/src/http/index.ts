export {
  createFetchHandler,
  type FetchHandlerOptions,
} from './create-fetch-handler';
export {
  answerNodeRequest,
  createNodeHandler,
  type NodeHandlerOptions,
} from './create-node-handler';
export { DEFAULT_MAX_BODY_BYTES } from './default-max-body-bytes';
export { readFetchBody } from './read-fetch-body';
export { readNodeBody, type NodeWebhookRequest } from './read-node-body';
export {
  errorToHttpResponse,
  httpStatusOf,
  outcomeToHttpResponse,
  type WebhookHttpResponse,
} from './to-http-response';
export {
  type WebhookRequestResult,
  type WebhookResultListener,
} from './answer-delivery';
