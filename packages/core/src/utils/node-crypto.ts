import type * as NodeCrypto from 'node:crypto';

/** Which implementation computes HMACs in this runtime. */
export type CryptoBackend = 'node' | 'webcrypto';

let nodeCrypto: Promise<typeof NodeCrypto | undefined> | undefined;

function isEdgeRuntime(): boolean {
  // Vercel Edge, Next.js middleware and @edge-runtime/vm define this global.
  return (
    typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string'
  );
}

/**
 * Loads `node:crypto` once where it exists (Node, Bun, Deno): it is several
 * times faster than Web Crypto there. Edge runtimes get `undefined` and use
 * Web Crypto.
 */
export function loadNodeCrypto(): Promise<typeof NodeCrypto | undefined> {
  if (nodeCrypto === undefined) {
    const hasNode =
      !isEdgeRuntime() &&
      typeof process !== 'undefined' &&
      typeof process.versions?.node === 'string';
    nodeCrypto = hasNode
      ? import('node:crypto').catch(() => undefined)
      : Promise.resolve(undefined);
  }
  return nodeCrypto;
}

/** The backend HMACs use in this runtime (for diagnostics and tests). */
export async function getCryptoBackend(): Promise<CryptoBackend> {
  return (await loadNodeCrypto()) === undefined ? 'webcrypto' : 'node';
}
