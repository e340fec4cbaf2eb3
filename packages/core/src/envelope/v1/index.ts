export {
  isUnknownWebhookEvent,
  type KnownWebhookEventV1,
} from './is-unknown-webhook-event';
export { toCloudEvent, type WebhookCloudEvent } from './to-cloud-event';
export type {
  AnyWebhookEventV1,
  InvalidWebhookEventV1,
  UnknownWebhookEventV1,
  WebhookDeliveryV1,
  WebhookEventV1,
  WebhookSubjectV1,
} from './webhook-event-v1';
export {
  allNormalizedStatusesV1,
  normalizedStatusesV1,
  type NormalizedStatusDecision,
  type NormalizedStatusV1,
} from './normalized-status-v1';
export type {
  WebhookAuthenticationSchemeV1,
  WebhookAuthenticityV1,
  WebhookIdentitySourceV1,
  WebhookIdentityV1,
  WebhookPartSourceV1,
  WebhookVerificationV1,
} from './webhook-trust-v1';
export { webhookEventV1Schema } from './webhook-event-v1-schema';
export type { WebhookValidationIssueV1 } from './webhook-validation-issue-v1';
