import type { IncomingMessage } from 'node:http';
import { BodyAlreadyParsedError } from '../errors/body-already-parsed-error';
import { bodyTooLargeError, concatBytes } from './read-fetch-body';

/** A Node request as frameworks leave it (Express, Fastify, NestJS...). */
export type NodeWebhookRequest = IncomingMessage & {
  body?: unknown;
  rawBody?: unknown;
  originalUrl?: string;
};

function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value; // Buffer too
  if (typeof value === 'string') return new TextEncoder().encode(value);
  return undefined;
}

/**
 * Reads the raw body of a Node request with a size limit. Accepts a body a
 * framework kept raw (`express.raw()`, `rawBody`), and explains clearly
 * when a JSON middleware already parsed it.
 */
export async function readNodeBody(
  request: NodeWebhookRequest,
  maxBytes: number,
  provider?: string,
): Promise<Uint8Array> {
  const kept = asBytes(request.rawBody) ?? asBytes(request.body);
  if (kept !== undefined) {
    if (kept.length > maxBytes) throw bodyTooLargeError(maxBytes, provider);
    return kept;
  }
  // Express 4 sets `req.body = {}` when no parser matched; that is not a parse.
  const placeholder =
    typeof request.body === 'object' &&
    request.body !== null &&
    Object.keys(request.body).length === 0;
  const parsed =
    request.body !== undefined && request.body !== null && !placeholder;
  if (parsed || request.readableEnded) {
    throw new BodyAlreadyParsedError({
      provider,
      message:
        'The body was already parsed by a JSON middleware (express.json(), body-parser, Fastify). Mount the webhook route before it, use express.raw({ type: "*/*" }) on it, or keep req.rawBody: signatures are checked on the raw bytes.',
    });
  }
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes)
    throw bodyTooLargeError(maxBytes, provider);

  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > maxBytes) {
        settled = true;
        chunks.length = 0;
        request.off('data', onData);
        request.resume(); // drain and discard the rest without buffering it
        reject(bodyTooLargeError(maxBytes, provider));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => {
      if (!settled) resolve(concatBytes(chunks, total));
    });
    request.once('error', error => {
      if (!settled) reject(error);
    });
  });
}
