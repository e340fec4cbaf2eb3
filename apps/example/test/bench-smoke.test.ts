// A short smoke run of `pnpm bench` (BENCH_SMOKE=1): the bare server and the
// app on SQLite for one second each. No timing is asserted: only that the
// bench runs, every request was answered 2xx and every acknowledged
// delivery was counted in the store (the bench exits 1 otherwise).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './helpers';

const appDir = fileURLToPath(new URL('..', import.meta.url));

describe('bench smoke', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('should run the group-commit rows and count every acknowledged delivery', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const results = join(dir.path, 'RESULTS.md');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--expose-gc', 'src/bench.ts'],
      {
        cwd: appDir,
        env: {
          PATH: process.env.PATH ?? '',
          BENCH_SMOKE: '1',
          BENCH_CONNECTIONS: '8',
          BENCH_RESULTS_FILE: results,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', chunk => (output += String(chunk)));
    child.stderr!.on('data', chunk => (output += String(chunk)));
    const code = await new Promise<number | null>(resolve =>
      child.once('exit', resolve),
    );
    expect(code, output).toBe(0);
    const markdown = await readFile(results, 'utf8');
    expect(markdown).toContain('(h) bare node:http');
    expect(markdown).toMatch(
      /\(c\) Solaris, HMAC-SHA256, distinct\s*\|\s*sqlite/,
    );
  }, 120_000);
});
