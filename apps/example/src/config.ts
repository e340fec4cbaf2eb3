import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { ConfigError, read, type Env } from './env';
import type { ProviderModule } from './providers/provider-module';
import { PROVIDERS } from './providers';

export { ConfigError } from './env';

type Provider = (typeof PROVIDERS)[number];
export type ProviderName = Provider['name'];

/** Each provider's configuration, present when the provider is enabled. */
export type ProvidersConfig = {
  [P in Provider as P['name']]?: P['demo'];
};

/** Everything the service reads from its environment (docs/architecture.md#environment-variables). */
export interface AppConfig {
  port: number;
  /**
   * Interface to listen on: `HOST`; unset → loopback (127.0.0.1) in demo
   * mode, all interfaces otherwise.
   */
  host: string | undefined;
  /** Operator credentials (page, `/api/*`, live stream, `/metrics`, replay). */
  adminToken: string;
  /** True when `ADMIN_TOKEN` was unset and a random token was made at start. */
  adminTokenGenerated: boolean;
  /** Processed events and their raw deliveries older than this are deleted. */
  retentionDays: number;
  /** How often retention runs. */
  retentionIntervalMs: number;
  /** Resource limits of the HTTP server (see the README). */
  limits: HttpLimits;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  /** Demo mode: public demo secrets fill in for unset providers. */
  demo: boolean;
  /** Providers running on the public demo secrets. */
  demoProviders: ProviderName[];
  providers: ProvidersConfig;
  /** Public base URL the providers call (signatures that cover the URL). */
  publicUrl: string | undefined;
  maxBodyBytes: number;
  retryIntervalMs: number;
  shutdownTimeoutMs: number;
  /** The NATS JetStream relay (`NATS_URL`); absent when it is off. */
  nats?: NatsConfig;
}

/** The relay of stored events into NATS JetStream (@finhooks/relay-nats). */
export interface NatsConfig {
  /** `NATS_URL`, e.g. `nats://127.0.0.1:4222` (comma-separated for a cluster). */
  url: string;
  /** `NATS_STREAM`, default `FINHOOKS`. */
  stream: string;
  /** `NATS_SUBJECT_PREFIX`, default `finhooks`. */
  subjectPrefix: string;
}

function readNats(env: Env): NatsConfig | undefined {
  const url = read(env, 'NATS_URL');
  const stream = read(env, 'NATS_STREAM') ?? 'FINHOOKS';
  const subjectPrefix = read(env, 'NATS_SUBJECT_PREFIX') ?? 'finhooks';
  if (url === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(stream))
    throw new ConfigError(
      `NATS_STREAM must be letters, digits, _ or -, got "${stream}".`,
    );
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(subjectPrefix))
    throw new ConfigError(
      `NATS_SUBJECT_PREFIX must be dot-separated tokens without wildcards, got "${subjectPrefix}".`,
    );
  return { url, stream, subjectPrefix };
}

/** Resource limits of the HTTP server; every one has an environment variable. */
export interface HttpLimits {
  /** Time to receive a request's headers (`HEADERS_TIMEOUT_MS`, 10 s). */
  headersTimeoutMs: number;
  /** Time to receive a whole request (`REQUEST_TIMEOUT_MS`, 30 s). */
  requestTimeoutMs: number;
  /** Minimum body rate once the grace period is over (`MIN_BODY_RATE_BYTES`, 1 KiB/s). */
  minBodyBytesPerSecond: number;
  /** Grace before the minimum body rate applies (`BODY_RATE_GRACE_MS`, 5 s). */
  bodyRateGraceMs: number;
  /** Open connections per source address (`MAX_CONNECTIONS_PER_SOURCE`, 64). */
  maxConnectionsPerSource: number;
  /** Request body bytes received and not yet answered, per source address (`MAX_BYTES_IN_FLIGHT_PER_SOURCE`, 16 MiB). */
  maxBytesInFlightPerSource: number;
  /** Body limit of every route outside `/webhooks` (`API_MAX_BODY_BYTES`, 16 KiB). */
  apiMaxBodyBytes: number;
}

/** Shortest accepted `ADMIN_TOKEN`. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
/**
 * Shortest accepted retention: the trust model's identity windows (dedup by
 * content for providers without a signed id) go up to 5 days, and a
 * deleted event can no longer mark a late retry as a duplicate.
 */
export const MIN_RETENTION_DAYS = 7;

function integer(env: Env, name: string, fallback: number, min = 0): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}".`);
  }
  return value;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value);
}

/**
 * Reads the configuration from environment variables. Providers are only
 * enabled when their variables are set; with `FINHOOKS_DEMO=1` the public
 * demo secrets fill in for every provider left unset.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const demo = isTrue(read(env, 'FINHOOKS_DEMO'));
  const demoProviders: ProviderName[] = [];
  const providers: Record<string, unknown> = {};
  for (const provider of PROVIDERS) {
    const config = provider.readConfig(env);
    if (config !== undefined) providers[provider.name] = config;
    else if (demo) {
      demoProviders.push(provider.name);
      providers[provider.name] = structuredClone(provider.demo);
    }
  }

  const publicUrl = read(env, 'PUBLIC_URL');
  if (publicUrl !== undefined && !URL.canParse(publicUrl)) {
    throw new ConfigError(
      `PUBLIC_URL must be an absolute URL, got "${publicUrl}".`,
    );
  }
  const databaseUrl = read(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL must be a postgres:// URL; leave it unset for the embedded SQLite database.',
    );
  }

  const configuredToken = read(env, 'ADMIN_TOKEN');
  if (
    configuredToken !== undefined &&
    configuredToken.length < MIN_ADMIN_TOKEN_LENGTH
  ) {
    throw new ConfigError(
      `ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (e.g. \`openssl rand -base64 32\`); leave it unset to get a random one printed at start.`,
    );
  }
  const retentionDays = integer(env, 'RETENTION_DAYS', 30, 1);
  const nats = readNats(env);
  if (retentionDays < MIN_RETENTION_DAYS) {
    throw new ConfigError(
      `RETENTION_DAYS must be at least ${MIN_RETENTION_DAYS}: duplicates are recognized against stored events for up to 5 days.`,
    );
  }

  return {
    port: integer(env, 'PORT', 3000),
    host: read(env, 'HOST') ?? (demo ? '127.0.0.1' : undefined),
    adminToken: configuredToken ?? randomBytes(24).toString('base64url'),
    adminTokenGenerated: configuredToken === undefined,
    retentionDays,
    retentionIntervalMs: integer(
      env,
      'RETENTION_INTERVAL_MS',
      60 * 60 * 1000,
      1000,
    ),
    limits: {
      headersTimeoutMs: integer(env, 'HEADERS_TIMEOUT_MS', 10_000, 1000),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1000),
      minBodyBytesPerSecond: integer(env, 'MIN_BODY_RATE_BYTES', 1024, 0),
      bodyRateGraceMs: integer(env, 'BODY_RATE_GRACE_MS', 5000, 1000),
      maxConnectionsPerSource: integer(
        env,
        'MAX_CONNECTIONS_PER_SOURCE',
        64,
        1,
      ),
      maxBytesInFlightPerSource: integer(
        env,
        'MAX_BYTES_IN_FLIGHT_PER_SOURCE',
        16 * 1024 * 1024,
        1024,
      ),
      apiMaxBodyBytes: integer(env, 'API_MAX_BODY_BYTES', 16 * 1024, 0),
    },
    databaseUrl,
    dataDir: resolve(read(env, 'DATA_DIR') ?? './data'),
    logLevel: read(env, 'LOG_LEVEL') ?? 'info',
    demo,
    demoProviders,
    providers: providers as ProvidersConfig,
    publicUrl,
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1),
    retryIntervalMs: integer(env, 'RETRY_INTERVAL_MS', 1000, 10),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0),
    ...(nats && { nats }),
  };
}

/** The enabled providers' modules with their configuration, in display order. */
export function configuredProviders(
  config: AppConfig,
): { provider: ProviderModule; settings: unknown }[] {
  return PROVIDERS.flatMap(provider => {
    const settings = config.providers[provider.name];
    return settings === undefined ? [] : [{ provider, settings }];
  });
}

/** The enabled providers, in display order. */
export function enabledProviders(config: AppConfig): string[] {
  return configuredProviders(config).map(({ provider }) => provider.name);
}

/** A database URL without its password, for logs. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * What may be logged about the configuration: which providers and settings
 * are present, never a secret's value.
 */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    port: config.port,
    host: config.host ?? 'all interfaces',
    adminToken: config.adminTokenGenerated ? 'generated' : 'set',
    retentionDays: config.retentionDays,
    limits: config.limits,
    store: config.databaseUrl
      ? { kind: 'postgres', url: redactDatabaseUrl(config.databaseUrl) }
      : { kind: 'sqlite', dataDir: config.dataDir },
    providers: Object.fromEntries(
      configuredProviders(config).map(({ provider, settings }) => [
        provider.name,
        provider.describe(settings),
      ]),
    ),
    demoProviders: config.demoProviders,
    ...(config.nats && {
      nats: {
        stream: config.nats.stream,
        subjectPrefix: config.nats.subjectPrefix,
      },
    }),
  };
}
