// `pnpm simulate`: sends every adapter's example deliveries, signed with the
// same secrets the server uses (same environment, or FINHOOKS_DEMO=1), to a
// running instance at SIMULATE_URL (default http://localhost:3000).
import { ConfigError, enabledProviders, loadConfig } from './config';
import { send, signedExamples } from './examples';
import { PROVIDERS } from './providers';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`simulate: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const baseUrl = process.env.SIMULATE_URL ?? 'http://localhost:3000';
  const providers = enabledProviders(config);
  if (providers.length === 0) {
    console.error(
      'simulate: no provider is configured. Use the same environment as the server, or run both with FINHOOKS_DEMO=1.',
    );
    return 2;
  }
  const skipped = PROVIDERS.map(({ name }) => name).filter(
    name => !providers.includes(name),
  );
  console.log(
    `Sending examples for ${providers.join(', ')} to ${baseUrl}` +
      (skipped.length > 0 ? ` (not configured: ${skipped.join(', ')})` : ''),
  );

  const examples = await signedExamples(config, baseUrl);
  let failed = 0;
  for (const example of examples) {
    const path = new URL(example.request.url).pathname;
    let outcome: string;
    try {
      const response = await send(example.request);
      const text = await response.text();
      let note = '';
      try {
        const body = JSON.parse(text) as {
          duplicate?: boolean;
          error?: { code?: string };
        };
        if (body.duplicate === true) note = ' (duplicate)';
        if (body.error?.code) note = ` (${body.error.code})`;
      } catch {
        // not JSON (a handshake answer)
      }
      if (!response.ok) failed++;
      outcome = `${response.status}${note}`;
    } catch (error) {
      failed++;
      outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    console.log(
      `${example.provider.padEnd(9)} ${example.request.method.padEnd(4)} ${path.padEnd(58)} ${example.nativeType.padEnd(36)} → ${outcome}`,
    );
  }
  console.log(
    `${examples.length} deliveries sent, ${failed} not accepted. Open ${baseUrl}/ to see them.`,
  );
  return failed > 0 ? 1 : 0;
}

main().then(
  code => process.exit(code),
  (error: unknown) => {
    console.error('simulate failed:', error);
    process.exit(1);
  },
);
