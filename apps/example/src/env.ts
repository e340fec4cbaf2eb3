/** The environment the configuration is read from. */
export type Env = Record<string, string | undefined>;

/** A configuration mistake, reported before anything starts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A variable's trimmed value; unset or blank → undefined. */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}
