#!/usr/bin/env node
// `pnpm new-adapter <name>`: creates packages/<name>, a working adapter
// package (HMAC-SHA256 of the raw body, one event type, fixture, signer,
// examples, conformance + property + type tests, README, changeset) that
// passes build, type-check, lint, publint/attw and tests as generated.
// Touches no existing file except pnpm-lock.yaml (through `pnpm install`).
// Templates: scripts/new-adapter/template/ (`*.tmpl`, placeholders below).
// Guide: docs/contributing/add-new-adapter.md.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const templateDir = join(root, 'scripts', 'new-adapter', 'template');

const usage = `Usage: pnpm new-adapter <name> [--no-install]

Creates packages/<name> (published as @finhooks/<name>): a minimal, working
HMAC-SHA256 adapter to turn into the real one. <name> is the provider's name
in lower-case kebab case, e.g. acme-pay; it becomes the package name, the
file prefix and the signature header (acme-pay-signature). The adapter's
provider id is the name without hyphens (acmepay): core's normalized types
(acmepay.unknown) allow none.

Then runs \`pnpm install\` (a new workspace package changes pnpm-lock.yaml)
and formats the package with prettier.

  --no-install   write the files only; print the commands to run instead
  -h, --help     show this help

Guide: docs/contributing/add-new-adapter.md`;

function fail(message) {
  console.error(`new-adapter: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  console.log(usage);
  process.exit(0);
}
const install = !args.includes('--no-install');
const unknownFlags = args.filter(
  arg => arg.startsWith('-') && arg !== '--no-install',
);
if (unknownFlags.length > 0)
  fail(`unknown option ${unknownFlags[0]}\n\n${usage}`);
const names = args.filter(arg => !arg.startsWith('-'));
if (names.length !== 1) fail(`give exactly one name.\n\n${usage}`);
const name = names[0];

// --- names ------------------------------------------------------------------

if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  fail(
    `"${name}" is not a lower-case kebab-case name (letters, digits and single hyphens, starting with a letter), e.g. acme-pay.`,
  );
}
if (name.length > 40) fail(`"${name}" is longer than 40 characters.`);
if (['core', 'example', 'unknown'].includes(name.replaceAll('-', '')))
  fail(`"${name}" is reserved.`);
if (name.startsWith('store-'))
  fail(`"${name}": store-* packages are stores, not adapters.`);

const parts = name.split('-');
const capitalize = part => part[0].toUpperCase() + part.slice(1);
const tokens = {
  __name__: name, // acme-pay: package, folder, file names, signature header
  // acmepay: the adapter's provider id. Core's envelope allows no hyphen in
  // the provider part of a type (`acmepay.unknown`), so it has none.
  __provider__: parts.join(''),
  __Title__: parts.map(capitalize).join(''), // AcmePay: type and factory names
  __camel__: parts[0] + parts.slice(1).map(capitalize).join(''), // acmePay
  __CONST__: parts.join('_').toUpperCase(), // ACME_PAY: environment variables
  __Display__: parts.map(capitalize).join(' '), // Acme Pay: prose
};
const fill = text =>
  text.replace(
    /__(name|provider|Title|camel|CONST|Display)__/g,
    token => tokens[token],
  );

const clash = readdirSync(join(root, 'packages')).find(
  folder =>
    folder !== name && folder.replaceAll('-', '') === tokens.__provider__,
);
if (clash !== undefined)
  fail(
    `packages/${clash} already has the provider id "${tokens.__provider__}".`,
  );

const packageDir = join(root, 'packages', name);
const changesetFile = join(root, '.changeset', `${name}-initial.md`);
for (const existing of [packageDir, join(root, 'apps', name), changesetFile]) {
  if (existsSync(existing))
    fail(`${relative(root, existing)} already exists; pick another name.`);
}

// --- package.json -------------------------------------------------------------

function readJson(file) {
  return JSON.parse(readFileSync(join(root, file), 'utf8'));
}

// Versions follow the repository (core's zod, the root's tools), so a new
// package resolves from the lockfile without new downloads.
const rootPkg = readJson('package.json');
const corePkg = readJson('packages/core/package.json');
const version = (pkg, field, dep, fallback) => pkg[field]?.[dep] ?? fallback;

const entry = base => ({
  import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
  require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
});

const packageJson = {
  name: `@finhooks/${name}`,
  version: '0.1.0',
  description: `${tokens.__Display__} webhook adapter for finhooks: verified, typed, normalized events`,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  exports: {
    '.': entry('index'),
    './testing': entry('testing/index'),
    './package.json': './package.json',
  },
  files: ['dist', 'README.md', 'CHANGELOG.md'],
  scripts: {
    build: 'tsup',
    clean: 'rm -rf dist *.tsbuildinfo',
    'type-check': 'tsc --noEmit',
    test: 'vitest run',
    publint: 'publint --strict && attw --pack . --profile node16',
  },
  // Core is a caret peer: users install one core beside every adapter.
  peerDependencies: { '@finhooks/core': 'workspace:^' },
  dependencies: {
    zod: version(corePkg, 'dependencies', 'zod', '^4.6.7'),
  },
  devDependencies: {
    '@finhooks/core': 'workspace:^',
    '@types/node': version(
      rootPkg,
      'devDependencies',
      '@types/node',
      '^20.19.0',
    ),
    'fast-check': version(corePkg, 'devDependencies', 'fast-check', '^4.11.0'),
    tsup: version(rootPkg, 'devDependencies', 'tsup', '^8.5.1'),
    typescript: version(rootPkg, 'devDependencies', 'typescript', '~5.9.3'),
    vitest: version(rootPkg, 'devDependencies', 'vitest', '^4.1.12'),
  },
  engines: { node: '>=20' },
  publishConfig: { access: 'public' },
  repository: {
    type: 'git',
    url: 'git+https://github.com/finhooks/finhooks.git',
    directory: `packages/${name}`,
  },
  keywords: ['webhooks', name, 'fintech', 'finhooks'],
};

// --- write ------------------------------------------------------------------

function templates(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(dirent => dirent.isFile() && dirent.name.endsWith('.tmpl'))
    .map(dirent =>
      relative(dir, join(dirent.parentPath ?? dirent.path, dirent.name)),
    )
    .sort();
}

const created = [];
function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
  created.push(relative(root, file));
}

try {
  mkdirSync(packageDir, { recursive: true });
  write(
    join(packageDir, 'package.json'),
    `${JSON.stringify(packageJson, null, 2)}\n`,
  );
  copyFileSync(join(root, 'LICENSE'), join(packageDir, 'LICENSE'));
  created.push(relative(root, join(packageDir, 'LICENSE')));
  for (const template of templates(templateDir)) {
    if (template === 'changeset.md.tmpl') continue;
    write(
      join(packageDir, fill(template.replace(/\.tmpl$/, ''))),
      fill(readFileSync(join(templateDir, template), 'utf8')),
    );
  }
  write(
    changesetFile,
    fill(readFileSync(join(templateDir, 'changeset.md.tmpl'), 'utf8')),
  );
} catch (error) {
  // Leave nothing half-made behind.
  rmSync(packageDir, { recursive: true, force: true });
  if (created.includes(relative(root, changesetFile)))
    rmSync(changesetFile, { force: true });
  fail(`could not write the package: ${error}`);
}

console.log(`Created @finhooks/${name}:`);
for (const file of created) console.log(`  ${file}`);

// --- install and format ------------------------------------------------------

function run(command, commandArgs) {
  console.log(`\n$ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status === 0;
}

const prettier = join(root, 'node_modules', '.bin', 'prettier');
const installCommand = 'pnpm install --no-frozen-lockfile --prefer-offline';
const formatCommand = `pnpm exec prettier --write packages/${name}`;
const steps = [];
if (install) {
  console.log(
    '\nA new workspace package changes pnpm-lock.yaml: running pnpm install (commit the lockfile with the package).',
  );
  if (!run('pnpm', installCommand.split(' ').slice(1)))
    steps.push(`${installCommand}   # failed above: run it again`);
}
if (existsSync(prettier)) {
  // Templates are formatted for a short name; a long one rewraps lines.
  if (!run(prettier, ['--write', '--log-level=warn', `packages/${name}`]))
    steps.push(formatCommand);
} else {
  if (!install) steps.push(installCommand);
  steps.push(formatCommand);
}

const p = `@finhooks/${name}`;
console.log(`
Next steps (docs/contributing/add-new-adapter.md):
${steps.map(step => `  ${step}\n`).join('')}  pnpm turbo run build --filter=${p}...        # builds core first, then ${name}
  pnpm turbo run type-check --filter=${p}
  pnpm exec eslint packages/${name} && pnpm exec prettier --check packages/${name}
  pnpm --filter ${p} run publint
  pnpm exec vitest run --project ${name}:node --project ${name}:edge --project repo
  grep -rn "TODO(new-adapter)" packages/${name}       # what to make real
Commit packages/${name}, .changeset/${name}-initial.md and pnpm-lock.yaml together.`);
