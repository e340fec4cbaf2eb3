import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-nextjs',
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
