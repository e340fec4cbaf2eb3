// `pnpm bench`: self-contained load benchmark of the example service.
// Starts the real app in-process (demo secrets, SQLite in a temp DATA_DIR,
// 127.0.0.1, port 0) next to a bare Hono route (the HTTP floor), forks
// dist/bench-load.js to load each for BENCH_SECONDS (default 8) with
// autocannon, and writes bench/RESULTS.md with ratios to the floor measured
// in the same run. PostgreSQL is benchmarked too when reachable at
// postgres://postgres@127.0.0.1:5432/test (own database, dropped after).
// Load is only ever sent to 127.0.0.1; every run is bounded in time.
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  seconds,
  smoke,
  soakSeconds,
  sweepSeconds,
  warmupSeconds,
  type Row,
  type RowSpec,
} from './bench-config';
import { withPostgresDatabase } from './bench-postgres';
import { formatMarkdown, render, renderGroupCommit } from './bench-report';
import { runRow } from './bench-rows';

/** Forks this file with `--row` and runs one row there. */
function forkRow(spec: RowSpec): Promise<Row> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--row'], {
      execArgv: [
        ...process.execArgv.filter(arg => arg !== '--expose-gc'),
        '--expose-gc',
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const killer = setTimeout(
      () => child.kill('SIGKILL'),
      (seconds + warmupSeconds + 60) * 1000,
    );
    let settled = false;
    child.once('message', (message: { row?: Row; error?: string }) => {
      settled = true;
      if (message.row) resolve(message.row);
      else reject(new Error(`row ${spec.row}: ${message.error}`));
    });
    child.once('exit', code => {
      clearTimeout(killer);
      if (!settled) reject(new Error(`row ${spec.row} exited with ${code}`));
    });
    child.send(spec);
  });
}

async function main(): Promise<number> {
  const loadStart = loadavg();
  const tempDirs: string[] = [];
  const newDataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'finhooks-bench-'));
    tempDirs.push(dir);
    return dir;
  };
  const rows: Row[] = [];
  const sweep: Row[] = [];
  let soak: Row | undefined;
  let postgresNote = 'not run (smoke).';
  try {
    if (smoke) {
      rows.push(await forkRow({ row: 'h' }));
      rows.push(
        await forkRow({ row: 'c', dataDir: await newDataDir(), baseline: 0 }),
      );
    } else {
      rows.push(await forkRow({ row: 'a' }));
      // (d) runs on (b)'s database, where its delivery is already stored.
      const tvDir = await newDataDir();
      rows.push(
        await forkRow({ row: 'b', dataDir: tvDir, seedDuplicate: true }),
      );
      rows.push(await forkRow({ row: 'd', dataDir: tvDir }));
      rows.push(await forkRow({ row: "a'" }));
      // (h), index 4: the bare verify-and-parse server (c) is compared with.
      rows.push(await forkRow({ row: 'h' }));
      rows.push(
        await forkRow({ row: 'c', dataDir: await newDataDir(), baseline: 4 }),
      );
      postgresNote = await withPostgresDatabase(async url => {
        rows.push(await forkRow({ row: 'b-pg', databaseUrl: url }));
        rows.push(
          await forkRow({ row: 'c-pg', databaseUrl: url, baseline: 4 }),
        );
      });
      if (sweepSeconds > 0) {
        for (const padTo of [undefined, 64 * 1024]) {
          for (const count of [1, 8, 64, 256]) {
            const common = {
              connections: count,
              seconds: sweepSeconds,
              label: `${count} conn.`,
              ...(padTo !== undefined && { padTo }),
            };
            sweep.push(await forkRow({ row: 'h', ...common }));
            sweep.push(
              await forkRow({
                row: 'c',
                dataDir: await newDataDir(),
                ...common,
                baseline: sweep.length - 1,
              }),
            );
          }
        }
      }
      if (soakSeconds > 0) {
        soak = await forkRow({
          row: 'c',
          dataDir: await newDataDir(),
          seconds: soakSeconds,
          label: `${soakSeconds} s soak`,
          baseline: 4,
        });
      }
    }
  } finally {
    for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
  }

  const markdown = await formatMarkdown(
    [
      smoke
        ? '# Example service bench smoke (no timing asserted)\n'
        : render(rows, {
            loadStart,
            loadEnd: loadavg(),
            postgres: postgresNote,
          }),
      renderGroupCommit(rows, sweep, soak),
    ].join('\n'),
  );
  const target = process.env.BENCH_RESULTS_FILE;
  if (target === undefined) {
    const results = new URL('../bench/', import.meta.url);
    await mkdir(results, { recursive: true });
    await writeFile(new URL('RESULTS.md', results), markdown);
  } else {
    await writeFile(target, markdown);
  }
  console.log(markdown);
  // Every 2xx must be what the row claims: a new event (b, c) or a
  // duplicate (d). Requests in flight when the warm-up or the run stops
  // may be counted by the server only: at most one per connection each.
  // Every acknowledged new event must be in the store: counted rows.
  const counted = (row: Row) =>
    row.name.startsWith('(d)') ? row.duplicates : row.accepted;
  const all = [...rows, ...sweep, ...(soak ? [soak] : [])];
  const failed = all.filter(row => {
    const { ok, non2xx, errors, timeouts } = row.report;
    const server = counted(row);
    const slack = 2 * row.connections;
    return (
      ok === 0 ||
      non2xx + errors + timeouts > 0 ||
      (server !== undefined && (server < ok || server > ok + slack)) ||
      (row.stored !== undefined &&
        !row.name.startsWith('(d)') &&
        (row.stored < ok || row.stored > ok + slack))
    );
  });
  for (const row of failed) {
    console.error(`bench: row "${row.name}" (${row.store}) had failures.`);
  }
  return failed.length > 0 ? 1 : 0;
}

if (process.argv.includes('--row')) {
  process.once('message', (spec: RowSpec) => {
    runRow(spec).then(
      row => process.send?.({ row }, () => process.exit(0)),
      (error: unknown) =>
        process.send?.({ error: String(error) }, () => process.exit(1)),
    );
  });
} else {
  main().then(
    code => process.exit(code),
    (error: unknown) => {
      console.error('bench failed:', error);
      process.exit(1);
    },
  );
}
