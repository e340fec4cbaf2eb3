import { describe, expect, it } from 'vitest';
import { withAmountTexts } from './redpin-amounts';
import {
  numberLiteralAt,
  parseRedpinBody,
  scanNumberLiterals,
} from './redpin-number-literals';

const encode = (text: string) => new TextEncoder().encode(text);

describe('scanNumberLiterals', () => {
  it('should record every number literal by path', () => {
    const text =
      ' { "a" : [ 1 , -2.50e3, {"b": 0.10}], "c\\"d": 7, "e": "9", "f": [true, null] } ';
    expect(Object.fromEntries(scanNumberLiterals(text))).toEqual({
      '["a",0]': '1',
      '["a",1]': '-2.50e3',
      '["a",2,"b"]': '0.10',
      '["c\\"d"]': '7',
    });
  });

  it('should keep the last of duplicate keys, as JSON.parse does', () => {
    expect(scanNumberLiterals('{"v": 1.0, "v": 2.00}').get('["v"]')).toBe(
      '2.00',
    );
  });

  it('should handle empty containers and a bare number', () => {
    expect(scanNumberLiterals('{"a": {}, "b": [], "c": 3}').get('["c"]')).toBe(
      '3',
    );
    expect(scanNumberLiterals('42.0').get('[]')).toBe('42.0');
  });

  it('should throw on malformed text rather than loop', () => {
    expect(() => scanNumberLiterals('{"a": 1')).toThrow();
    expect(() => scanNumberLiterals('{"a": @}')).toThrow();
  });
});

describe('parseRedpinBody', () => {
  it('should parse safely and remember the literals of the parsed object', () => {
    const body = parseRedpinBody(
      encode('{"data": {"amount": {"currency": "EUR", "value": 10.50}}}'),
    );
    expect(body).toEqual({
      data: { amount: { currency: 'EUR', value: 10.5 } },
    });
    expect(numberLiteralAt(body, ['data', 'amount', 'value'])).toBe('10.50');
    expect(numberLiteralAt({ other: 1 }, ['other'])).toBeUndefined();
  });

  it('should refuse a body that is not JSON with InvalidJsonError', () => {
    expect(() => parseRedpinBody(encode('{"a":'))).toThrowError(
      expect.objectContaining({ code: expect.any(String), httpStatus: 400 }),
    );
  });

  it('should survive nesting too deep to scan', () => {
    const deep = `${'['.repeat(20000)}1${']'.repeat(20000)}`;
    expect(() => parseRedpinBody(encode(deep))).not.toThrow();
  });
});

describe('withAmountTexts', () => {
  it('should add value_text to amounts without touching the source', () => {
    const root = parseRedpinBody(
      encode(
        '{"data": {"list": [{"currency": "EUR", "value": 1.10}], "n": 2}}',
      ),
    ) as { data: unknown };
    const copy = withAmountTexts(root, root.data, ['data']);
    expect(copy).toEqual({
      list: [{ currency: 'EUR', value: 1.1, value_text: '1.10' }],
      n: 2,
    });
    expect(root.data).toEqual({
      list: [{ currency: 'EUR', value: 1.1 }],
      n: 2,
    });
  });

  it('should fall back to String(value) for bodies it did not parse', () => {
    expect(withAmountTexts({}, { currency: 'EUR', value: 0.1 }, [])).toEqual({
      currency: 'EUR',
      value: 0.1,
      value_text: '0.1',
    });
  });
});
