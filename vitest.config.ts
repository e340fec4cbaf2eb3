import { defineConfig } from 'vitest/config';

// One root run over every package and app; each has its own vitest.config.ts
// (with a node and, for packages, an edge-runtime project).
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
