import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The two test projects of a package whose code must run everywhere: Node
 * (node:crypto) and the edge runtime (Web Crypto only). `*.node.test.ts`
 * files use Node APIs and run on Node only; `*.test-d.ts` files are
 * type tests, checked once.
 */
export function runtimeProjects(
  name: string,
  root?: string,
): TestProjectInlineConfiguration[] {
  const base = root === undefined ? {} : { root };
  return [
    {
      test: {
        ...base,
        name: `${name}:node`,
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
        ...base,
        name: `${name}:edge`,
        environment: 'edge-runtime',
        include: ['src/**/*.test.ts'],
        exclude: ['src/**/*.node.test.ts'],
      },
    },
  ];
}

/** Packages tested on both runtimes. */
export const runtimePackages = [
  'core',
  'dintero',
  'solaris',
  'redpin',
  'tradevest',
];
