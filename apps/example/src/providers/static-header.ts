import type { RawWebhookRequest, WebhookAdapterV1 } from '@finhooks/core';
import { ConfigError, read, type Env } from '../env';
import type { Example, ProviderModule, ProviderRoute } from './provider-module';

/** Redpin and Tradevest: a static header the provider is configured to send. */
export interface StaticHeaderConfig {
  header: string;
  token: string;
}

/** `<PREFIX>_WEBHOOK_HEADER` and `<PREFIX>_WEBHOOK_TOKEN`: both or neither. */
function readStaticHeader(
  env: Env,
  prefix: string,
): StaticHeaderConfig | undefined {
  const headerName = `${prefix}_WEBHOOK_HEADER`;
  const tokenName = `${prefix}_WEBHOOK_TOKEN`;
  const header = read(env, headerName);
  const token = read(env, tokenName);
  if (header === undefined && token === undefined) return undefined;
  if (header === undefined || token === undefined) {
    throw new ConfigError(
      `Set both ${headerName} and ${tokenName} (the header name and the value the provider sends), or neither.`,
    );
  }
  return { header: header.toLowerCase(), token };
}

/** What a provider authenticated by a static header needs to say. */
interface StaticHeaderProvider<TName extends string> {
  name: TName;
  demo: StaticHeaderConfig;
  createAdapter(config: StaticHeaderConfig): WebhookAdapterV1;
  examples: readonly Example[];
  /** The adapter package's `/testing` signer. */
  sign(
    request: RawWebhookRequest,
    options: { secret: string; headerName: string; now: Date },
  ): Promise<RawWebhookRequest>;
  routes?: readonly ProviderRoute[];
}

/**
 * A provider module for a static header, read from
 * `<NAME>_WEBHOOK_HEADER` and `<NAME>_WEBHOOK_TOKEN`.
 */
export function staticHeaderProvider<TName extends string>({
  name,
  demo,
  createAdapter,
  examples,
  sign,
  routes,
}: StaticHeaderProvider<TName>): ProviderModule<TName, StaticHeaderConfig> {
  return {
    name,
    readConfig: env => readStaticHeader(env, name.toUpperCase()),
    demo,
    describe: ({ header }) => ({ header }),
    createAdapter,
    exampleSets: ({ header, token }, now) => [
      {
        examples,
        sign: request =>
          sign(request, { secret: token, headerName: header, now }),
      },
    ],
    ...(routes && { routes }),
  };
}
