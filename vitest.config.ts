import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { runtimePackages, runtimeProjects } from './vitest.shared';

// One root run over every package and app. Dual-runtime packages get their
// node + edge projects here (vitest does not nest projects); the others
// bring their own vitest.config.ts.
export default defineConfig({
  test: {
    projects: [
      ...runtimePackages
        .filter(name => existsSync(`packages/${name}/src/index.ts`))
        .flatMap(name => runtimeProjects(name, `packages/${name}`)),
      'packages/store-*/vitest.config.ts',
      'apps/*/vitest.config.ts',
    ],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
