import type {
  RawWebhookRequest,
  RawWebhookRequestInit,
  WebhookAdapterV1,
} from '@finhooks/core';
import type { Env } from '../env';

/** One published example delivery, made for http://localhost:3000. */
export interface Example {
  name: string;
  nativeType: string;
  type: string;
  request: RawWebhookRequestInit;
}

/** Examples and the signer that signs them with the app's secrets. */
export interface ExampleSet {
  examples: readonly Example[];
  sign(request: RawWebhookRequest): Promise<RawWebhookRequest>;
}

/** A webhook route of docs/architecture.md#routes. */
export interface ProviderRoute {
  path: string;
  methods: readonly string[];
}

/**
 * Everything the app knows about one provider. Adding a provider is one
 * module like this and one line in `providers/index.ts`.
 */
export interface ProviderModule<
  TName extends string = string,
  TConfig = unknown,
> {
  readonly name: TName;
  /**
   * Reads the provider's variables: undefined when none is set, a
   * `ConfigError` when they are incomplete.
   */
  readConfig(env: Env): TConfig | undefined;
  /** Public demo secrets (`FINHOOKS_DEMO=1`): anyone can read them here. */
  readonly demo: TConfig;
  /** What may be logged about the configuration: never a secret's value. */
  describe(config: TConfig): Record<string, unknown>;
  createAdapter(
    config: TConfig,
    publicUrl: string | undefined,
  ): WebhookAdapterV1;
  /** The adapter's published examples, signed with the configured secrets. */
  exampleSets(config: TConfig, now: Date): ExampleSet[];
  /** Its webhook routes; by default `POST /webhooks/<name>`. */
  readonly routes?: readonly ProviderRoute[];
}
