#!/usr/bin/env node
// `pnpm fuzz`: the adapters' property-based trust checks at full length
// (default 28,000 cases per property, four properties: at least 100,000 judged cases per adapter once cases that mutate nothing are skipped),
// then docs/fuzz/RESULTS.md with the counts, date and machine. The test
// suites run the same properties briefly (FUZZ_RUNS unset).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';

const runs = Number(process.env.FUZZ_RUNS ?? 28_000);
const adapters = ['dintero', 'solaris', 'redpin', 'tradevest'];
const rows = [];
let failed = false;
for (const adapter of adapters) {
  const started = Date.now();
  const child = spawnSync(
    'pnpm',
    [
      'exec',
      'vitest',
      'run',
      '--project',
      `${adapter}:node`,
      `packages/${adapter}/src/${adapter}-properties.test.ts`,
    ],
    {
      env: { ...process.env, FUZZ_RUNS: String(runs) },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = (child.stdout ?? '')
    .split('\n')
    .find(text => text.includes('FUZZ_REPORT '));
  if (child.status !== 0 || line === undefined) {
    failed = true;
    console.error(child.stdout, child.stderr);
  }
  const report =
    line === undefined
      ? undefined
      : JSON.parse(line.slice(line.indexOf('FUZZ_REPORT ') + 12));
  rows.push({ adapter, seconds: (Date.now() - started) / 1000, report });
  console.log(
    adapter,
    report === undefined
      ? 'FAILED'
      : `${report.cases} cases, ${report.crashes} crashes, ${report.acceptedSignedMutations} accepted signed mutations`,
  );
}

const table = rows.map(({ adapter, seconds, report: r }) =>
  r === undefined
    ? `| ${adapter} | failed | | | | | |`
    : `| ${adapter} | ${r.cases.toLocaleString('en')} | ${r.crashes} | ${r.acceptedSignedMutations} | ${r.refused.toLocaleString('en')} | ${r.acceptedHonestly.toLocaleString('en')} | ${seconds.toFixed(0)} s |`,
);
writeFileSync(
  'docs/fuzz/RESULTS.md',
  `# Fuzz results

Run with \`pnpm fuzz\` (${runs.toLocaleString('en')} cases per property, four properties per adapter:
body-byte, header and URL mutations of every signed fixture, and random requests through the
Fetch handler; see \`checkAdapterProperties\` in \`@finhooks/core/testing\`).

- Date: ${new Date().toISOString()}
- Machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}

| adapter | cases | crashes | accepted mutations of signed bytes | refused mutations | accepted, honestly flagged | time |
|---|---|---|---|---|---|---|
${table.join('\n')}

"Accepted, honestly flagged": mutations of parts the check does not cover (an unsigned header,
or anything but the credential under a credentials scheme) that were accepted, with every
changed part flagged unauthenticated in the envelope. CI runs the same properties with 50 cases
each on every test run.
`,
);
process.exit(failed ? 1 : 0);
