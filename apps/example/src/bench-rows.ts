// One bench row: its server (floor, bare or the app), its request and its
// measurement, run in a process of its own.
import { createRawWebhookRequest } from '@finhooks/core';
import { solarisExamples } from '@finhooks/solaris/testing';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import {
  benchConfig,
  connections,
  host,
  seconds,
  warmupSeconds,
  type Row,
  type RowSpec,
} from './bench-config';
import type { LoadJob } from './bench-load';
import { gc, measure } from './bench-measure';
import {
  benchLogger,
  closeServer,
  startBareServer,
  startBaseline,
} from './bench-servers';
import type { AppConfig } from './config';
import { startServer } from './start-server';

/** The Tradevest request: header auth, the customer-notification example. */
async function tradevestJob(
  config: AppConfig,
  url: string,
): Promise<Omit<LoadJob, 'kind'>> {
  const example = tradevestExamples.find(
    candidate => candidate.name === 'customer-notification',
  )!;
  const tradevest = config.providers.tradevest!;
  const signed = await signTradevestRequest(
    createRawWebhookRequest({ ...example.request, url }),
    { secret: tradevest.token, headerName: tradevest.header },
  );
  return {
    url,
    headers: Object.fromEntries(signed.headers),
    body: JSON.stringify(JSON.parse(String(example.request.body))),
    seconds,
    warmupSeconds,
    connections,
  };
}

/** The Solaris request: the BOOKING example, signed per request by the child. */
function solarisJob(config: AppConfig, url: string): LoadJob {
  const example = solarisExamples.find(
    candidate => candidate.nativeType === 'BOOKING',
  )!;
  const headers = Object.fromEntries(
    new Headers(example.request.headers).entries(),
  );
  return {
    url,
    kind: 'solaris',
    headers,
    body: String(example.request.body),
    secret: config.providers.solaris!.secret!,
    seconds,
    warmupSeconds,
    connections,
  };
}

/** POSTs one body with a job's headers (3 s limit) and reads the answer. */
async function post(url: string, job: Omit<LoadJob, 'kind'>, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: job.headers,
    body,
    signal: AbortSignal.timeout(3000),
  });
  return { status: response.status, text: await response.text() };
}

const tvPath = '/webhooks/tradevest/customer-notification';

/**
 * Runs one row in this process: the floor server or the real app
 * in-process, the load from a child. Each row gets a fresh process, so no
 * row inherits another's heap, JIT state or module state.
 */
export async function runRow(spec: RowSpec): Promise<Row> {
  const config = benchConfig({
    ...(spec.dataDir !== undefined && { dataDir: spec.dataDir }),
    ...(spec.databaseUrl !== undefined && { databaseUrl: spec.databaseUrl }),
  });
  const tune = (job: LoadJob): LoadJob => ({
    ...job,
    ...(spec.connections !== undefined && { connections: spec.connections }),
    ...(spec.padTo !== undefined && { padTo: spec.padTo }),
    ...(spec.seconds !== undefined && {
      seconds: spec.seconds,
      warmupSeconds: Math.min(warmupSeconds, 1),
    }),
  });
  const suffix = spec.label === undefined ? '' : `, ${spec.label}`;
  if (spec.row === 'h') {
    const bare = await startBareServer(config.providers.solaris!.secret!);
    try {
      gc();
      return await measure(
        `(h) bare node:http, HMAC + JSON.parse${suffix}`,
        '—',
        -1,
        tune(solarisJob(config, `${bare.url}/webhooks/solaris`)),
      );
    } finally {
      await closeServer(bare.server);
    }
  }
  if (spec.row === 'a' || spec.row === "a'") {
    const floor = await startBaseline();
    try {
      gc();
      return spec.row === 'a'
        ? await measure('(a) floor, Tradevest body', '—', -1, {
            ...(await tradevestJob(config, floor.url + tvPath)),
            kind: 'tradevest',
          })
        : await measure(
            "(a') floor, Solaris body",
            '—',
            -1,
            solarisJob(config, `${floor.url}/webhooks/solaris`),
          );
    } finally {
      await closeServer(floor.server);
    }
  }
  const running = await startServer({ config, logger: benchLogger() });
  try {
    const url = `http://${host}:${running.port}`;
    gc();
    if (spec.row === 'c' || spec.row === 'c-pg') {
      return await measure(
        `(c) Solaris, HMAC-SHA256, distinct${suffix}`,
        spec.row === 'c-pg' ? 'postgres' : 'sqlite',
        spec.baseline ?? 3,
        tune(solarisJob(config, `${url}/webhooks/solaris`)),
        running,
        'solaris',
      );
    }
    const tv = await tradevestJob(config, url + tvPath);
    if (spec.row === 'd') {
      return await measure(
        '(d) duplicates of one delivery',
        'sqlite',
        0,
        { ...tv, kind: 'duplicate' },
        running,
        'tradevest',
      );
    }
    const row = await measure(
      '(b) Tradevest, header auth, distinct',
      spec.row === 'b-pg' ? 'postgres' : 'sqlite',
      0,
      { ...tv, kind: 'tradevest' },
      running,
      'tradevest',
    );
    if (spec.seedDuplicate) await post(tv.url, tv, tv.body);
    return row;
  } finally {
    await running.close();
  }
}
