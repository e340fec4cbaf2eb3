import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-node-http',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
