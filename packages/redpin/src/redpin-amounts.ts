import type { KnownFields } from '@finhooks/core';
import { numberLiteralAt, type JsonPath } from './redpin-number-literals';
import { isRecord } from './redpin-native-type';

/**
 * A money amount as Redpin sends it (`{ currency, value }`), plus the
 * decimal text of `value`; at runtime, keys Redpin adds are kept.
 */
export interface RedpinAmountOutput {
  /** ISO 4217 currency code. */
  currency: string;
  /** Exactly as sent (Redpin sends JSON numbers); never recomputed. */
  value: number | string;
  /**
   * The amount as decimal text, digit for digit as it appeared in the raw
   * body (`"100.10"`). Use it, not `value`, for money arithmetic with a
   * decimal library. When the body did not come through the adapter's
   * parser it is `String(value)`.
   */
  value_text: string;
  [key: string]: unknown;
}

/**
 * A money amount as Redpin sends it (`{ currency, value }`), plus the
 * decimal text of `value`. Keys Redpin adds are kept at runtime but not
 * typed, so a misspelt field does not compile.
 */
export type RedpinAmount = KnownFields<RedpinAmountOutput>;

function isAmount(value: Record<string, unknown>): boolean {
  return (
    typeof value.currency === 'string' &&
    (typeof value.value === 'number' || typeof value.value === 'string')
  );
}

/**
 * Deep-copies `value`, adding `value_text` to every `{ currency, value }`
 * object. `path` is where `value` sits in `root`, the parsed body; the
 * body itself is never modified.
 */
export function withAmountTexts(
  root: unknown,
  value: unknown,
  path: JsonPath,
): unknown {
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      withAmountTexts(root, item, [...path, index]),
    );
  }
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = withAmountTexts(root, item, [...path, key]);
  }
  if (isAmount(value)) {
    const sent = value.value as number | string;
    copy.value_text =
      typeof sent === 'string'
        ? sent
        : (numberLiteralAt(root, [...path, 'value']) ?? String(sent));
  }
  return copy;
}
