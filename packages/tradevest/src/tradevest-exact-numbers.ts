// Tradevest sends money (token prices, execution prices and amounts) as
// JSON numbers. JSON.parse would turn `0.1` into the nearest binary float
// and large values into rounded ones, so numbers are kept as their decimal
// text instead: the body is parsed once as it is (that decides validity and
// gives the usual errors), then every number token is quoted and the text is
// parsed again.

/** A JSON number token, matched at a given position (sticky). */
const numberToken = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Beyond this exponent a number is kept as sent rather than expanded. */
const maximumExpandedExponent = 100;

/**
 * The exact plain-decimal text of a JSON number token: unchanged when it has
 * no exponent (`12.50` stays `12.50`), otherwise expanded by moving the
 * decimal point (`1.5E+3` → `1500`, `25e-3` → `0.025`), never through a float.
 * Exponents beyond ±100 are returned as sent; no price needs them, and
 * expanding `1e999999999` would allocate a gigabyte.
 */
export function toPlainDecimal(token: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(token);
  if (match === null) return token;
  const [
    ,
    sign = '',
    integerDigits = '',
    fractionDigits = '',
    exponentText = '0',
  ] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > maximumExpandedExponent) return token;
  const digits = integerDigits + fractionDigits;
  const point = integerDigits.length + exponent;
  let integerPart: string;
  let fractionPart: string;
  if (point <= 0) {
    integerPart = '0';
    fractionPart = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    integerPart = digits + '0'.repeat(point - digits.length);
    fractionPart = '';
  } else {
    integerPart = digits.slice(0, point);
    fractionPart = digits.slice(point);
  }
  integerPart = integerPart.replace(/^0+(?=\d)/, '');
  return `${sign}${integerPart}${fractionPart === '' ? '' : `.${fractionPart}`}`;
}

/**
 * Rewrites valid JSON text so every number becomes a string holding its
 * exact decimal text (`{"price": 0.10}` → `{"price": "0.10"}`). Only call it
 * on text `JSON.parse` accepted: then everything outside string literals
 * that starts with `-` or a digit is a number token.
 */
export function quoteJsonNumbers(json: string): string {
  let output = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < json.length) {
    const character = json[index];
    if (character === '"') {
      // Skip the string literal, escapes included.
      index++;
      while (index < json.length && json[index] !== '"') {
        index += json[index] === '\\' ? 2 : 1;
      }
      index++;
      continue;
    }
    if (
      character === '-' ||
      (character !== undefined && character >= '0' && character <= '9')
    ) {
      numberToken.lastIndex = index;
      const token = numberToken.exec(json)?.[0];
      if (token !== undefined) {
        output += `${json.slice(copiedUpTo, index)}"${toPlainDecimal(token)}"`;
        index += token.length;
        copiedUpTo = index;
        continue;
      }
    }
    index++;
  }
  return output + json.slice(copiedUpTo);
}
