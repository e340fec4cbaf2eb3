import { createRawWebhookRequest, InvalidJsonError } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createTradevestAdapter } from './tradevest-adapter';
import { quoteJsonNumbers, toPlainDecimal } from './tradevest-exact-numbers';

describe('toPlainDecimal', () => {
  it.each([
    ['1', '1'],
    ['12.50', '12.50'],
    ['-0.001', '-0.001'],
    ['1.5E+3', '1500'],
    ['1.5e3', '1500'],
    ['25e-3', '0.025'],
    ['-2.5e-1', '-0.25'],
    ['1.50e1', '15.0'],
    ['0.5e1', '5'],
    ['123.456e2', '12345.6'],
    ['123.456e-5', '0.00123456'],
    ['0e5', '0'],
    ['9007199254740993e0', '9007199254740993'],
  ])('should turn %s into %s', (token, expected) => {
    expect(toPlainDecimal(token)).toBe(expected);
  });

  it('should keep an absurd exponent as sent instead of expanding it', () => {
    expect(toPlainDecimal('1e999999999')).toBe('1e999999999');
    expect(toPlainDecimal('1e-101')).toBe('1e-101');
    expect(toPlainDecimal('1e100')).toBe(`1${'0'.repeat(100)}`);
  });
});

describe('quoteJsonNumbers', () => {
  it('should quote every number and nothing inside strings', () => {
    const json =
      '{"a":1,"b":[-2.5,3e2,{"c":0}],"d":"7 \\"8\\" 9","e":true,"f":null}';
    expect(quoteJsonNumbers(json)).toBe(
      '{"a":"1","b":["-2.5","300",{"c":"0"}],"d":"7 \\"8\\" 9","e":true,"f":null}',
    );
  });

  it('should handle keys with digits, escaped backslashes and unicode escapes', () => {
    const json = '{"12": "a\\\\", "x\\u0031": 4}';
    expect(JSON.parse(quoteJsonNumbers(json))).toEqual({
      '12': 'a\\',
      x1: '4',
    });
  });

  it('should quote a top-level number', () => {
    expect(quoteJsonNumbers(' 42 ')).toBe(' "42" ');
  });
});

describe('RE_TOKEN_PRICES', () => {
  const adapter = createTradevestAdapter({
    dangerouslyAllowUnauthenticated: true,
  });
  const receive = (body: string) =>
    adapter.receive(
      createRawWebhookRequest({
        url: 'https://partner.example.com/re-token-prices',
        body,
      }),
    );

  it('should keep prices exact, as decimal strings', async () => {
    const result = await receive(
      '{"regularToken": 0.1000000000000000055511151231257827, "premiumToken": 12345678901234567890.10}',
    );
    expect(result.kind).toBe('event');
    expect(result.kind === 'event' && result.event.data).toEqual({
      regularToken: '0.1000000000000000055511151231257827',
      premiumToken: '12345678901234567890.10',
    });
    // The same text through JSON.parse would have lost both:
    expect(String(JSON.parse('12345678901234567890.10'))).not.toBe(
      '12345678901234567890.10',
    );
  });

  it('should expand exponent notation exactly', async () => {
    const result = await receive(
      '{"regularToken": 1.05E+2, "premiumToken": 25e-3}',
    );
    expect(result.kind === 'event' && result.event.data).toEqual({
      regularToken: '105',
      premiumToken: '0.025',
    });
  });

  it('should quarantine a price that is not a plain number rather than drop it', async () => {
    const result = await receive(
      '{"regularToken": "abc", "premiumToken": 1e999}',
    );
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(
      result.event.issues.map(issue => issue.path.join('.')).sort(),
    ).toEqual(['premiumToken', 'regularToken']);
  });

  it('should refuse a body that is not JSON with InvalidJsonError (400)', async () => {
    for (const body of [
      '{"regularToken": 1.}',
      '{"regularToken": 01}',
      '{1: 2}',
      '',
    ]) {
      const error = await receive(body).catch((caught: unknown) => caught);
      expect(InvalidJsonError.isInstance(error), body).toBe(true);
    }
  });

  it('should still strip prototype-polluting keys', async () => {
    const result = await receive(
      '{"regularToken": 1, "premiumToken": 2, "__proto__": {"polluted": 3}}',
    );
    expect(result.kind === 'event' && Object.keys(result.event.data)).toEqual([
      'regularToken',
      'premiumToken',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
