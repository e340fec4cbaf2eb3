// Every package under packages/ is tested, documented and release-ready, so
// a new package (or one made by `pnpm new-adapter`) cannot be silently left
// out. Runs on the sources; no build needed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverProjects } from '../vitest.shared';

const root = join(import.meta.dirname, '..');
const packages = readdirSync(join(root, 'packages')).filter(name =>
  existsSync(join(root, 'packages', name, 'package.json')),
);
const projects = discoverProjects(root);
const projectRoots = projects.map(project =>
  typeof project === 'string'
    ? project.replace(/\/vitest\.config\.ts$/, '')
    : (project.test?.root ?? ''),
);

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  private?: boolean;
  files?: string[];
  exports?: Record<string, unknown>;
  publishConfig?: { access?: string };
  dependencies?: Record<string, string>;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe.each(packages)('packages/%s', name => {
  const dir = join(root, 'packages', name);
  const pkg = JSON.parse(
    readFileSync(join(dir, 'package.json'), 'utf8'),
  ) as PackageJson;

  it('should be in the root test run, with tests', () => {
    expect(projectRoots).toContain(`packages/${name}`);
    expect(
      files(join(dir, 'src')).filter(file => file.endsWith('.test.ts')).length,
    ).toBeGreaterThan(0);
  });

  it('should have a README, a LICENSE and src/version.ts', () => {
    expect(existsSync(join(dir, 'README.md'))).toBe(true);
    expect(existsSync(join(dir, 'LICENSE'))).toBe(true);
    expect(existsSync(join(dir, 'src', 'version.ts'))).toBe(true);
  });

  it('should have a changeset-ready package.json', () => {
    expect(pkg.name).toBe(`@finhooks/${name}`);
    expect(pkg.private).not.toBe(true);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(pkg.license).toBe('MIT');
    expect(pkg.files).toContain('dist');
    expect(pkg.publishConfig?.access).toBe('public');
    const main = pkg.exports?.['.'] as
      { import?: { types?: string }; require?: { types?: string } } | undefined;
    expect(main?.import?.types).toBeDefined();
    expect(main?.require?.types).toBeDefined();
  });

  const isAdapter =
    existsSync(join(dir, 'src', 'testing', 'index.ts')) && name !== 'core';
  it.runIf(isAdapter)(
    'should export the adapter names, a signer and examples',
    () => {
      const title = name
        .split('-')
        .map(part => part[0]!.toUpperCase() + part.slice(1))
        .join('');
      const index = readFileSync(join(dir, 'src', 'index.ts'), 'utf8');
      expect(index).toMatch(new RegExp(`\\bcreate${title}Adapter\\b`));
      expect(index).toMatch(new RegExp(`\\b${title}AdapterSettings\\b`));
      expect(index).toMatch(new RegExp(`\\b${title}Event\\b`));
      const testing = readFileSync(
        join(dir, 'src', 'testing', 'index.ts'),
        'utf8',
      );
      expect(testing).toMatch(new RegExp(`\\bsign${title}Request\\b`));
      expect(testing).toMatch(
        new RegExp(
          `\\b${name.replace(/-./g, m => m[1]!.toUpperCase())}Examples\\b`,
        ),
      );
    },
  );
});
