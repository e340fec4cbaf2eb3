import { defineConfig } from 'vitest/config';

// The repository's own checks (structure of every package).
export default defineConfig({
  test: {
    name: 'repo',
    root: 'scripts',
    environment: 'node',
    include: ['*.test.ts'],
  },
});
