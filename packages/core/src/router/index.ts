export {
  createWebhooks,
  type CreateWebhooksOptions,
  type WebhookErrorContext,
  type WebhookHandler,
  type WebhookOutcome,
  type Webhooks,
  type WebhooksEvent,
} from './create-webhooks';
export type { WebhookPattern, WebhookPatternEvent } from './webhook-pattern';
export {
  createConsoleLogger,
  truncateForLog,
  type WebhookLogger,
} from './webhook-logger';
