// Every reference in the repository resolves inside the repository: code,
// READMEs and docs cite docs/ (docs/providers/*.md, docs/architecture.md),
// never design or provider notes that are not shipped with it, and every
// repository-relative Markdown link points at a file (and heading) that exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const skipDirs = new Set(['node_modules', 'dist', 'coverage', '.turbo']);
const textExtensions = new Set([
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.mjs',
  '.cjs',
  '.md',
  '.json',
]);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return skipDirs.has(entry.name) || entry.name.startsWith('.')
        ? []
        : walk(path);
    return textExtensions.has(extname(entry.name)) ? [path] : [];
  });
}

const rel = (path: string): string => relative(root, path);
const read = (path: string): string => readFileSync(path, 'utf8');

/** Sources, READMEs and docs whose citations must stay inside the repo. */
const citingFiles = [
  ...['packages', 'apps', 'scripts', 'docs'].flatMap(dir =>
    walk(join(root, dir)),
  ),
  ...['README.md', 'CONTRIBUTING.md', 'AGENTS.md']
    .map(name => join(root, name))
    .filter(existsSync),
].filter(path => path !== import.meta.filename);

/** Documents outside the repository that code and docs used to cite. */
const outsideCitations: readonly { name: string; pattern: RegExp }[] = [
  { name: 'PROVIDERS.md', pattern: /PROVIDERS\.md/ },
  { name: 'DESIGN.md', pattern: /DESIGN\.md/ },
  { name: 'DESIGN §', pattern: /DESIGN §/ },
  { name: '../shared', pattern: /\.\.\/shared\b/ },
];

/** A module specifier such as `from '../shared/x'` is code, not a citation. */
const moduleSpecifier =
  /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"][^'"]*\.\.\/shared\b/;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces → `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(path: string): Set<string> {
  const cached = anchorCache.get(path);
  if (cached !== undefined) return cached;
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of read(path).split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const base = slug(heading[1] ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const match of read(path).matchAll(/<a\s+(?:name|id)="([^"]+)"/g))
    anchors.add(match[1] ?? '');
  anchorCache.set(path, anchors);
  return anchors;
}

/**
 * Why `target` (a path, optionally `#anchor`) does not resolve from
 * `fromDir`, or undefined when it does.
 */
function unresolved(fromDir: string, target: string): string | undefined {
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = decodeURIComponent(pathPart.split('?')[0] ?? '');
  const file = path === '' ? undefined : resolve(fromDir, path);
  if (file !== undefined && !existsSync(file)) return 'no such file';
  if (anchor === undefined || anchor === '') return undefined;
  const doc = file ?? undefined;
  if (doc === undefined || statSync(doc).isDirectory()) return undefined;
  if (extname(doc) !== '.md') return undefined;
  return anchorsOf(doc).has(anchor.toLowerCase())
    ? undefined
    : `no heading #${anchor} in ${rel(doc)}`;
}

/** Markdown links of a document, outside code blocks and code spans. */
function markdownLinks(text: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  let fenced = false;
  text.split('\n').forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const line = raw.replace(/`[^`]*`/g, '``');
    for (const match of line.matchAll(
      /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g,
    ))
      links.push({ line: index + 1, target: match[1] ?? '' });
    const definition = /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
    if (definition !== null)
      links.push({ line: index + 1, target: definition[1] ?? '' });
  });
  return links;
}

const isExternal = (target: string): boolean =>
  /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

describe('citations stay inside the repository', () => {
  it('scans the sources, READMEs and docs', () => {
    expect(citingFiles.length).toBeGreaterThan(50);
  });

  it('no source, README or doc cites PROVIDERS.md, DESIGN.md, DESIGN § or ../shared', () => {
    const found: string[] = [];
    for (const file of citingFiles) {
      read(file)
        .split('\n')
        .forEach((line, index) => {
          for (const { name, pattern } of outsideCitations) {
            if (!pattern.test(line)) continue;
            if (name === '../shared' && moduleSpecifier.test(line)) continue;
            found.push(`${rel(file)}:${index + 1} cites ${name}`);
          }
        });
    }
    expect(
      found,
      'cite docs/providers/<provider>.md#… or docs/architecture.md#… instead',
    ).toEqual([]);
  });

  it('every docs/… path cited in code resolves to a file and heading', () => {
    const broken: string[] = [];
    const citation = /(?<![\w./-])docs\/[\w./-]+\.md(?:#[\w-]+)?/g;
    for (const file of citingFiles.filter(path => !path.endsWith('.md'))) {
      read(file)
        .split('\n')
        .forEach((line, index) => {
          for (const match of line.matchAll(citation)) {
            const problem = unresolved(root, match[0]);
            if (problem !== undefined)
              broken.push(`${rel(file)}:${index + 1} ${match[0]}: ${problem}`);
          }
        });
    }
    expect(broken).toEqual([]);
  });
});

const linkedDocs = [
  ...walk(join(root, 'docs')).filter(path => path.endsWith('.md')),
  ...readdirSync(join(root, 'packages'))
    .map(name => join(root, 'packages', name, 'README.md'))
    .filter(existsSync),
  ...readdirSync(join(root, 'apps'))
    .map(name => join(root, 'apps', name, 'README.md'))
    .filter(existsSync),
  ...['README.md', 'CONTRIBUTING.md']
    .map(name => join(root, name))
    .filter(existsSync),
];

describe.each(linkedDocs.map(path => [rel(path), path] as const))(
  '%s',
  (_name, path) => {
    it('every repository-relative link resolves', () => {
      const broken = markdownLinks(read(path))
        .filter(({ target }) => !isExternal(target))
        .flatMap(({ line, target }) => {
          const problem = target.startsWith('#')
            ? unresolved(
                dirname(path),
                `${rel(path).split('/').pop()}${target}`,
              )
            : unresolved(dirname(path), target);
          return problem === undefined
            ? []
            : [`line ${line}: ${target}: ${problem}`];
        });
      expect(broken).toEqual([]);
    });
  },
);
