import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'store-sqlite',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
