import { defineConfig } from 'vitest/config';

// The edge runtime (@edge-runtime/vm): Web APIs only, as on Workers.
export default defineConfig({
  test: {
    name: 'example-cloudflare-worker',
    environment: 'edge-runtime',
    include: ['src/**/*.test.ts'],
  },
});
