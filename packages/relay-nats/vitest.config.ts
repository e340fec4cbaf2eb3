import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'relay-nats',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The tests share one NATS server (and stop it in the outage test).
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
