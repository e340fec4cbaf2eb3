export {
  createFetchHandler,
  type FetchHandlerOptions,
} from './create-fetch-handler';
export { DEFAULT_MAX_BODY_BYTES } from './default-max-body-bytes';
export type { WebhookHttpResponse } from './to-http-response';
export {
  type WebhookRequestResult,
  type WebhookResultListener,
} from './answer-delivery';
