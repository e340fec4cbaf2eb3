import type { WebhookAdapterV1 } from '@finhooks/core';
import { configuredProviders, type AppConfig } from './config';

/**
 * One adapter per configured provider; a provider without configuration
 * gets none (and its route answers 404).
 */
export function createAdapters(config: AppConfig): WebhookAdapterV1[] {
  return configuredProviders(config).map(({ provider, settings }) =>
    provider.createAdapter(settings, config.publicUrl),
  );
}
