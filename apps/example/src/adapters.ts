import type { WebhookAdapterV1 } from '@finhooks/core';
import {
  createDinteroAdapter,
  type DinteroAdapterSettings,
} from '@finhooks/dintero';
import { createRedpinAdapter } from '@finhooks/redpin';
import { createSolarisAdapter } from '@finhooks/solaris';
import { createTradevestAdapter } from '@finhooks/tradevest';
import type { AppConfig } from './config';

/**
 * One adapter per configured provider; a provider without configuration
 * gets none (and its route answers 404).
 */
export function createAdapters(config: AppConfig): WebhookAdapterV1[] {
  const { dintero, solaris, redpin, tradevest } = config.providers;
  const adapters: WebhookAdapterV1[] = [];
  if (dintero) {
    const checkout = dintero.checkout && {
      secret: dintero.checkout.secret,
      accountId: dintero.checkout.accountId,
      ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
    };
    // At least one mechanism is configured (config.ts makes sure).
    const settings: DinteroAdapterSettings | undefined =
      dintero.webhookSecret !== undefined
        ? { secret: dintero.webhookSecret, ...(checkout && { checkout }) }
        : checkout && { checkout };
    if (settings)
      adapters.push(createDinteroAdapter(settings) as WebhookAdapterV1);
  }
  if (solaris) {
    adapters.push(
      createSolarisAdapter(
        solaris.secretsByEventType !== undefined
          ? {
              secrets: solaris.secretsByEventType,
              ...(solaris.secret !== undefined && {
                defaultSecret: solaris.secret,
              }),
            }
          : // config.ts requires one of the two: '' would fail loudly.
            { defaultSecret: solaris.secret ?? '' },
      ) as WebhookAdapterV1,
    );
  }
  if (redpin) {
    adapters.push(
      createRedpinAdapter({
        auth: { headers: [{ name: redpin.header, value: redpin.token }] },
      }) as WebhookAdapterV1,
    );
  }
  if (tradevest) {
    adapters.push(
      createTradevestAdapter({
        headers: [{ name: tradevest.header, value: tradevest.token }],
      }) as WebhookAdapterV1,
    );
  }
  return adapters;
}
