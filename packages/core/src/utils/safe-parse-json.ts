import { InvalidJsonError } from '../errors/invalid-json-error';
import { utf8DecodeStrict } from './bytes';

const dangerousKey = /"(?:__proto__|constructor|prototype)"\s*:/;

/**
 * Parses a raw JSON body. Rejects an empty, truncated or non-UTF-8 body with
 * `InvalidJsonError`, and strips `__proto__`/`constructor`/`prototype` keys so
 * a payload cannot pollute prototypes when the application later merges it.
 */
export function safeParseJson(
  body: Uint8Array | string,
  { provider }: { provider?: string } = {},
): unknown {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8DecodeStrict(body);
  } catch (cause) {
    throw new InvalidJsonError({
      message: 'The request body is not valid UTF-8, so it cannot be JSON.',
      provider,
      cause,
    });
  }
  if (text.trim() === '') {
    throw new InvalidJsonError({
      message: 'The request body is empty; a JSON body was expected.',
      provider,
    });
  }
  try {
    return dangerousKey.test(text)
      ? JSON.parse(text, (key, value: unknown) =>
          key === '__proto__' || key === 'constructor' || key === 'prototype'
            ? undefined
            : value,
        )
      : JSON.parse(text);
  } catch (cause) {
    throw new InvalidJsonError({
      message: `The request body is not valid JSON (${(cause as Error).message}). Is it truncated?`,
      provider,
      cause,
    });
  }
}
