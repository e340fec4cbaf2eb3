import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-fastify',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
