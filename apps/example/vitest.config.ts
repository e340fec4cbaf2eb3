import { defineConfig } from 'vitest/config';

// Integration tests: real servers (in-process and child processes) on
// SQLite and PostgreSQL, and the page in real Chromium.
export default defineConfig({
  test: {
    name: 'example',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
