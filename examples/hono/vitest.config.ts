import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-hono',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
