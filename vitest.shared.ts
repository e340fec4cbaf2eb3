import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * Every package and app, discovered (a new package is tested without
 * editing any list): one whose `vitest.config.ts` calls `runtimeProjects`
 * gets its Node and edge projects expanded here (vitest does not nest
 * projects); any other brings its own config. `repo-structure.test.ts`
 * fails for a package without a config or without tests.
 */
export function discoverProjects(
  root = '.',
): (string | TestProjectInlineConfiguration)[] {
  const projects: (string | TestProjectInlineConfiguration)[] = [];
  for (const folder of ['packages', 'apps', 'examples']) {
    const parent = join(root, folder);
    if (!existsSync(parent)) continue;
    for (const name of readdirSync(parent).sort()) {
      const config = join(folder, name, 'vitest.config.ts');
      if (!existsSync(join(root, config))) continue;
      if (readFileSync(join(root, config), 'utf8').includes('runtimeProjects('))
        projects.push(...runtimeProjects(name, join(folder, name)));
      else projects.push(config);
    }
  }
  return projects;
}
