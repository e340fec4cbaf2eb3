export {
  DEFAULT_CONTENT_WINDOW_MS,
  defineWebhookAdapter,
  type WebhookAdapterSpec,
  type WebhookAuthentication,
  type WebhookDeliveryFacts,
  type WebhookIdentityClaim,
  type WebhookNativeType,
} from './define-webhook-adapter';
export {
  copyRawWebhookRequest,
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from './raw-webhook-request';
export { redactHeaders } from './redact-headers';
export { lastPathSegment, requireHeader } from './request-helpers';
export type {
  WebhookAdapterEvent,
  WebhookAdapterV1,
  WebhookHandshakeV1,
  WebhookReceiveOptionsV1,
  WebhookReceiveResultV1,
  WebhookWarningV1,
} from './webhook-adapter-v1';
export {
  defineWebhookEvent,
  type WebhookCatalogueEntryV1,
  type WebhookDescribeContext,
  type WebhookEventDefinition,
  type WebhookEventDefinitions,
  type WebhookEventFacts,
  type KnownFields,
  type WebhookEventsOf,
} from './webhook-event-definition';
export {
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookInput,
} from './verify-webhook';
