import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-express',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
