import { defineConfig } from 'vitest/config';

// Every test runs twice: on Node (node:crypto) and in the edge runtime
// (Web Crypto only), so both crypto paths must reach identical verdicts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'solaris:node',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          typecheck: {
            enabled: true,
            include: ['src/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'solaris:edge',
          environment: 'edge-runtime',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.node.test.ts'],
        },
      },
    ],
  },
});
