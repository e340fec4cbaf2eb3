export {
  createWebhooks,
  type CreateWebhooksOptions,
  type WebhookErrorContext,
  type WebhookHandler,
  type WebhookOutcome,
  type Webhooks,
  type WebhooksEvent,
} from './create-webhooks';
export {
  compilePattern,
  type WebhookPattern,
  type WebhookPatternEvent,
} from './webhook-pattern';
export {
  createConsoleLogger,
  truncateForLog,
  type WebhookLogger,
} from './webhook-logger';
