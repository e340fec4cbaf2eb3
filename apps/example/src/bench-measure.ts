// Running load against a server and measuring it: the load generator in a
// child process, server CPU, event loop, RSS and the app's own counts.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { LoadJob, LoadReport } from './bench-load';
import type { Row } from './bench-config';
import type { RunningServer } from './start-server';

/** `.ts` under tsx (the smoke test), `.js` when built. */
const ownExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** Least-squares slope of RSS samples `[seconds, bytes]`, in MB per minute. */
function rssSlope(samples: [number, number][]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((sum, [x]) => sum + x, 0) / n;
  const my = samples.reduce((sum, [, y]) => sum + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of samples) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : ((num / den) * 60) / 1024 / 1024;
}

/** Runs one load job in a child process (its own CPU and event loop). */
function load(job: LoadJob): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    const child = fork(
      new URL(`./bench-load${ownExtension}`, import.meta.url),
      {
        execArgv: process.execArgv.filter(arg => arg !== '--expose-gc'),
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const killer = setTimeout(
      () => child.kill('SIGKILL'),
      (job.seconds + job.warmupSeconds + 30) * 1000,
    );
    let settled = false;
    child.once(
      'message',
      (message: { report?: LoadReport; error?: string }) => {
        settled = true;
        if (message.report) resolve(message.report);
        else reject(new Error(`load generator: ${message.error}`));
      },
    );
    child.once('exit', code => {
      clearTimeout(killer);
      if (!settled) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(job);
  });
}

/** Sum of a prom-client counter for one provider. */
async function counter(
  running: RunningServer,
  name: 'accepted' | 'duplicates',
  provider: string,
): Promise<number> {
  const { values } = await running.app.metrics[name].get();
  return values
    .filter(value => value.labels.provider === provider)
    .reduce((sum, value) => sum + value.value, 0);
}

/** Measures one job against the server in this process. */
export async function measure(
  name: string,
  store: string,
  baseline: number,
  job: LoadJob,
  running?: RunningServer,
  provider?: string,
): Promise<Row> {
  console.log(`bench: ${name} (${store}), ${job.seconds} s…`);
  const rssBefore = process.memoryUsage().rss;
  if (job.warmupSeconds > 0) {
    await load({ ...job, seconds: job.warmupSeconds, warmupSeconds: 0 });
  }
  // Let the warm-up's last requests finish before counting.
  await new Promise(resolve => setTimeout(resolve, 250));
  await running?.app.settle();
  const count = async (name: 'accepted' | 'duplicates') =>
    running && provider ? counter(running, name, provider) : 0;
  const acceptedStart = await count('accepted');
  const duplicatesStart = await count('duplicates');
  const storedRows = async () =>
    running && provider
      ? (await running.app.store.counts())
          .filter(entry => entry.provider === provider)
          .reduce((sum, entry) => sum + entry.count, 0)
      : 0;
  const storedStart = await storedRows();
  // RSS once a second (soak rows report the slope).
  const started = performance.now();
  const samples: [number, number][] = [];
  const sampler = setInterval(
    () =>
      samples.push([
        (performance.now() - started) / 1000,
        process.memoryUsage().rss,
      ]),
    1000,
  );
  // Server-side CPU and event-loop use of the measured run only.
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const report = await load({ ...job, warmupSeconds: 0 });
  const usedElu = performance.eventLoopUtilization(elu);
  clearInterval(sampler);
  await running?.app.settle();
  const used = process.cpuUsage(cpu);
  const row: Row = {
    name,
    store,
    baseline,
    report,
    cpuPerRequest: (used.user + used.system) / Math.max(1, report.total),
    elu: usedElu.utilization,
    rssBefore,
    rssAfter: process.memoryUsage().rss,
    mainThreadUs: (usedElu.active * 1000) / Math.max(1, report.total),
    connections: job.connections,
  };
  if (job.seconds >= 30)
    row.rssSlopeMbPerMin = rssSlope(
      samples.filter(([at]) => at >= job.seconds / 4),
    );
  if (running && provider) {
    row.accepted = (await count('accepted')) - acceptedStart;
    row.duplicates = (await count('duplicates')) - duplicatesStart;
    // Every acknowledged delivery must be in the store: counted, not assumed.
    row.stored = (await storedRows()) - storedStart;
  }
  return row;
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
