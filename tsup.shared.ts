import { readFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/**
 * The build every published package shares: ESM + CJS + types, the
 * package's version baked into `VERSION`, and the `./testing` entry where
 * the package has one. Test tools stay external: `./testing` runs inside
 * the user's own vitest and fast-check.
 *
 * Core's `./testing` is ESM-only (it loads vitest), so it is built in the
 * ESM pass alone (`testing: 'esm-only'`): a CommonJS copy nobody can
 * import would only make the installed package heavier. Each pass builds
 * its entries together, so `./testing` shares the main entry's chunks (one
 * copy of each class at runtime).
 */
export function definePackageConfig({
  testing = true,
  entry = {},
}: {
  /** Build `./testing`: in both formats, or (`'esm-only'`) in ESM alone. */
  testing?: boolean | 'esm-only';
  /** Further subpath entries, e.g. `{ 'store-kit/index': 'src/store-kit/index.ts' }`. */
  entry?: Record<string, string>;
} = {}): Options[] {
  const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as {
    version: string;
  };
  // The two passes run at once, so neither may clean `dist` itself.
  rmSync('dist', { recursive: true, force: true });
  const entries = { index: 'src/index.ts', ...entry };
  const withTesting = { ...entries, 'testing/index': 'src/testing/index.ts' };
  const shared: Options = {
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    external: ['vitest', 'fast-check'],
  };
  return defineConfig([
    {
      ...shared,
      entry: testing === false ? entries : withTesting,
      format: ['esm'],
    },
    {
      ...shared,
      entry: testing === true ? withTesting : entries,
      format: ['cjs'],
    },
  ]) as Options[];
}
