import { safeParseJson } from '@finhooks/core';

/** A JSON path, e.g. `['data', 'amount', 'value']`. */
export type JsonPath = readonly (string | number)[];

const numberOrLiteral = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Collects the source text of every number literal of a (valid) JSON text
 * by path, so amounts keep the digits Redpin sent (`100.10`, or more
 * digits than a double holds) even though `JSON.parse` made them numbers.
 * Keys are `JSON.stringify(path)`. A duplicate key keeps its last value,
 * as `JSON.parse` does.
 */
export function scanNumberLiterals(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const path: (string | number)[] = [];
  let index = 0;

  const skipWhitespace = (): void => {
    while (/\s/.test(text[index] ?? '')) index++;
  };
  const readString = (): string => {
    const start = index++;
    while (text[index] !== '"') {
      if (index >= text.length) throw new Error('unterminated string');
      index += text[index] === '\\' ? 2 : 1;
    }
    index++;
    return safeParseJson(text.slice(start, index)) as string;
  };
  const readValue = (): void => {
    skipWhitespace();
    const char = text[index];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      index++;
      skipWhitespace();
      for (let position = 0; text[index] !== close; position++) {
        if (index >= text.length) throw new Error('unterminated container');
        skipWhitespace();
        if (char === '{') {
          path.push(readString());
          skipWhitespace();
          index++; // the colon
        } else {
          path.push(position);
        }
        readValue();
        path.pop();
        skipWhitespace();
        if (text[index] === ',') index++;
      }
      index++;
      return;
    }
    if (char === '"') {
      readString();
      return;
    }
    numberOrLiteral.lastIndex = index;
    const match = numberOrLiteral.exec(text);
    if (match === null) throw new Error(`unexpected "${char ?? ''}"`);
    index = numberOrLiteral.lastIndex;
    if (/^-|^\d/.test(match[0])) found.set(JSON.stringify(path), match[0]);
  };

  readValue();
  return found;
}

// Parsed body → its number literals; filled by `parseRedpinBody`.
const literalsByBody = new WeakMap<object, Map<string, string>>();

/**
 * The adapter's body parser: core's safe JSON parse, plus the number
 * literals of the raw text remembered for the parsed object.
 */
export function parseRedpinBody(body: Uint8Array): unknown {
  const parsed = safeParseJson(body, { provider: 'redpin' });
  if (typeof parsed === 'object' && parsed !== null) {
    try {
      literalsByBody.set(
        parsed,
        scanNumberLiterals(new TextDecoder().decode(body)),
      );
    } catch {
      // Extremely deep nesting: fall back to String(value) for amounts.
    }
  }
  return parsed;
}

/** The source text of the number at `path` in a body from `parseRedpinBody`. */
export function numberLiteralAt(
  root: unknown,
  path: JsonPath,
): string | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  return literalsByBody.get(root)?.get(JSON.stringify(path));
}
