import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'store-postgres',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
