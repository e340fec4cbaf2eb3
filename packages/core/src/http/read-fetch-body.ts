import { BodyAlreadyParsedError } from '../errors/body-already-parsed-error';
import { BodyTooLargeError } from '../errors/body-too-large-error';

function tooLarge(maxBytes: number, provider?: string): BodyTooLargeError {
  return new BodyTooLargeError({
    provider,
    message: `The request body exceeds ${maxBytes} bytes. Raise maxBodyBytes if the provider really sends more.`,
  });
}

/** Concatenates chunks into one byte array. */
export function concatBytes(
  chunks: readonly Uint8Array[],
  total: number,
): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === total) return chunks[0]!;
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/**
 * Reads a Fetch `Request` body as raw bytes, refusing more than `maxBytes`:
 * first by `Content-Length`, then while streaming, so an oversized body is
 * never buffered whole.
 */
export async function readFetchBody(
  request: Request,
  maxBytes: number,
  provider?: string,
): Promise<Uint8Array> {
  if (request.bodyUsed) {
    throw new BodyAlreadyParsedError({
      provider,
      message:
        'The request body was already read (by request.json() or a body-parsing middleware). Pass the untouched Request: signatures are checked on the raw bytes.',
    });
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes)
    throw tooLarge(maxBytes, provider);
  if (request.body === null) return new Uint8Array();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes, provider);
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

export { tooLarge as bodyTooLargeError };
