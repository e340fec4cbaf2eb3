// The load generator of `pnpm bench`, forked by bench.ts so that the
// client's work (building and signing bodies, parsing answers) never runs on
// the server's event loop. It receives one LoadJob over IPC, runs a short
// warm-up and then one bounded autocannon run, and answers with a
// LoadReport. Only ever against 127.0.0.1.
import { createHmac, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

/** What bench.ts asks for. */
export interface LoadJob {
  url: string;
  /**
   * `tradevest`: a distinct customer id per request (distinct event ids).
   * `solaris`: a distinct body and `Solaris-Webhook-Id`, HMAC-SHA256 signed
   * per request. `duplicate`: the same delivery every time.
   */
  kind: 'tradevest' | 'solaris' | 'duplicate';
  headers: Record<string, string>;
  /** The example body, compact JSON. */
  body: string;
  /** Solaris: the HMAC secret. */
  secret?: string;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Solaris: pad each body to about this many bytes (a `padding` field). */
  padTo?: number;
}

/** What bench.ts gets back (measured run only). */
export interface LoadReport {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bodyBytes: number;
  clientCpuMs: number;
}

/** Same length as the example's UUIDs, unique per request. */
function makeBody(job: LoadJob): () => {
  body: string;
  headers?: Record<string, string>;
} {
  const template = JSON.parse(job.body) as Record<string, unknown>;
  switch (job.kind) {
    case 'duplicate':
      return () => ({ body: job.body });
    case 'tradevest':
      return () => ({
        body: JSON.stringify({ ...template, customerId: randomUUID() }),
      });
    case 'solaris': {
      const secret = job.secret ?? '';
      const base = Buffer.byteLength(
        JSON.stringify({ ...template, id: '0'.repeat(36), padding: '' }),
      );
      const padding =
        job.padTo === undefined
          ? undefined
          : 'x'.repeat(Math.max(0, job.padTo - base));
      return () => {
        const body = JSON.stringify({
          ...template,
          id: randomUUID().replaceAll('-', '').padEnd(36, '0'),
          ...(padding !== undefined && { padding }),
        });
        const signature = createHmac('sha256', secret)
          .update(body)
          .digest('hex');
        return {
          body,
          headers: {
            ...job.headers,
            'solaris-webhook-id': randomUUID(),
            'solaris-webhook-signature': `sha256=${signature}`,
          },
        };
      };
    }
  }
}

function run(job: LoadJob, seconds: number) {
  const next = makeBody(job);
  return autocannon({
    url: job.url,
    method: 'POST',
    headers: job.headers,
    connections: job.connections,
    duration: seconds,
    requests: [
      {
        setupRequest: request => {
          const { body, headers } = next();
          return { ...request, body, ...(headers && { headers }) };
        },
      },
    ],
  });
}

async function main(job: LoadJob): Promise<LoadReport> {
  if (new URL(job.url).hostname !== '127.0.0.1') {
    throw new Error('bench-load: only 127.0.0.1 is allowed.');
  }
  if (job.warmupSeconds > 0) await run(job, job.warmupSeconds);
  const cpu = process.cpuUsage();
  const result = await run(job, job.seconds);
  const used = process.cpuUsage(cpu);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bodyBytes: Buffer.byteLength(makeBody(job)().body),
    clientCpuMs: (used.user + used.system) / 1000,
  };
}

process.once('message', (job: LoadJob) => {
  main(job).then(
    report => process.send?.({ report }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ error: String(error) }, () => process.exit(1)),
  );
});
