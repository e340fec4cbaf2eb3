import { defineConfig } from 'vitest/config';
import { discoverProjects } from './vitest.shared';

// One root run over every package and app, discovered from the folders.
export default defineConfig({
  test: {
    projects: [...discoverProjects(), 'scripts/vitest.config.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
