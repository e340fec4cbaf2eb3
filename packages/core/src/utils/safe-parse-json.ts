import { InvalidJsonError } from '../errors/invalid-json-error';
import { utf8DecodeStrict } from './bytes';

// A key that could pollute prototypes, in its literal spelling; any `\u`
// escape may spell one too (`"\u005f_proto__"`), so it takes the slow path.
const dangerousKey = /"(?:__proto__|constructor|prototype)"|\\u/;
const dangerousNames = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses a raw JSON body. Rejects an empty, truncated or non-UTF-8 body with
 * `InvalidJsonError`, and strips `__proto__`/`constructor`/`prototype` keys (in any spelling,
 * escaped ones included) so
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
          dangerousNames.has(key) ? undefined : value,
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
