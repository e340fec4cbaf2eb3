import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/**
 * The build every published package shares: ESM + CJS + types, the
 * package's version baked into `VERSION`, and the `./testing` entry where
 * the package has one. Test tools stay external: `./testing` runs inside
 * the user's own vitest and fast-check.
 */
export function definePackageConfig({
  testing = true,
  entry = {},
}: {
  testing?: boolean;
  /** Further subpath entries, e.g. `{ 'store-kit/index': 'src/store-kit/index.ts' }`. */
  entry?: Record<string, string>;
} = {}): Options {
  const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as {
    version: string;
  };
  return defineConfig({
    entry: {
      index: 'src/index.ts',
      ...(testing ? { 'testing/index': 'src/testing/index.ts' } : {}),
      ...entry,
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    external: ['vitest', 'fast-check'],
  }) as Options;
}
