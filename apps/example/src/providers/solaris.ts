import { createSolarisAdapter } from '@finhooks/solaris';
import { signSolarisRequest, solarisExamples } from '@finhooks/solaris/testing';
import { ConfigError, read, type Env } from '../env';
import type { ProviderModule } from './provider-module';

/** Solaris: one secret, or one per event type. */
export interface SolarisConfig {
  secret?: string;
  secretsByEventType?: Record<string, string>;
}

function readSolaris(env: Env): SolarisConfig | undefined {
  const secret = read(env, 'SOLARIS_WEBHOOK_SECRET');
  const json = read(env, 'SOLARIS_WEBHOOK_SECRETS');
  let secretsByEventType: Record<string, string> | undefined;
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new ConfigError(
        'SOLARIS_WEBHOOK_SECRETS must be JSON like {"BOOKING":"…","PERSON_CHANGED":"…"}.',
      );
    }
    if (
      parsed === null ||
      typeof parsed !== 'object' ||
      Array.isArray(parsed) ||
      !Object.values(parsed).every(value => typeof value === 'string')
    ) {
      throw new ConfigError(
        'SOLARIS_WEBHOOK_SECRETS must be a JSON object of event type → secret strings.',
      );
    }
    secretsByEventType = parsed as Record<string, string>;
  }
  if (secret === undefined && secretsByEventType === undefined)
    return undefined;
  return {
    ...(secret === undefined ? {} : { secret }),
    ...(secretsByEventType === undefined ? {} : { secretsByEventType }),
  };
}

export const solaris: ProviderModule<'solaris', SolarisConfig> = {
  name: 'solaris',
  readConfig: readSolaris,
  demo: {
    secret: 'demo-solaris-secret',
    // Deletions need a secret of their own: under a shared secret, a
    // captured `{}` signature could be relabelled as any person's deletion.
    secretsByEventType: {
      PERSON_DELETED: 'demo-solaris-person-deleted-secret',
      BUSINESS_DELETED: 'demo-solaris-business-deleted-secret',
    },
  },
  describe: ({ secret, secretsByEventType }) => ({
    secret: secret !== undefined,
    perEventType: Object.keys(secretsByEventType ?? {}),
  }),
  createAdapter: ({ secret, secretsByEventType }) =>
    createSolarisAdapter(
      secretsByEventType !== undefined
        ? {
            secrets: secretsByEventType,
            ...(secret !== undefined && { defaultSecret: secret }),
          }
        : // readConfig requires one of the two: '' would fail loudly.
          { defaultSecret: secret ?? '' },
    ),
  exampleSets: ({ secret, secretsByEventType }, now) => {
    // One secret per event type where configured, else the shared one.
    const secretOf = (eventType: string) =>
      secretsByEventType?.[eventType] ?? secret;
    return [
      {
        examples: solarisExamples.filter(
          example => secretOf(example.nativeType) !== undefined,
        ),
        sign: request =>
          signSolarisRequest(request, {
            secret: secretOf(
              request.headers.get('solaris-webhook-event-type') ?? '',
            )!,
            now,
          }),
      },
    ];
  },
};
