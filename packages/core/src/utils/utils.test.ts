import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets';
import { InvalidJsonError } from '../errors/invalid-json-error';
import { deterministicEventId } from './deterministic-event-id';
import { safeParseJson } from './safe-parse-json';
import { toIsoTimestamp } from './to-iso-timestamp';

describe('safeParseJson', () => {
  it('should parse bytes and text', () => {
    expect(safeParseJson(new TextEncoder().encode('{"a":[1,"ø"]}'))).toEqual({
      a: [1, 'ø'],
    });
    expect(safeParseJson('null')).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['whitespace', '  \n'],
    ['truncated', '{"event": "customer_upd'],
    ['not JSON', 'event=customer_update'],
    ['trailing comma', '{"a": 1,}'],
  ])('should refuse an %s body with InvalidJsonError', (_name, body) => {
    const error = (() => {
      try {
        safeParseJson(body, { provider: 'p' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(InvalidJsonError.isInstance(error)).toBe(true);
    expect((error as InvalidJsonError).httpStatus).toBe(400);
    expect((error as InvalidJsonError).provider).toBe('p');
  });

  it('should refuse bytes that are not UTF-8', () => {
    expect(() => safeParseJson(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(
      /UTF-8/,
    );
  });

  it('should strip prototype-polluting keys spelled with escapes', () => {
    const parsed = safeParseJson(
      String.raw`{"__proto__":{"admin":true},"a":{"constructor":1,"b":2},"prototype":3}`,
    ) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['a']);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false);
    expect(parsed.a).toEqual({ b: 2 });
    // Ordinary escapes still decode.
    expect(safeParseJson(String.raw`{"s":"café"}`)).toEqual({ s: 'café' });
  });

  it('should strip prototype-polluting keys', () => {
    const parsed = safeParseJson(
      '{"__proto__": {"polluted": true}, "a": {"constructor": {"prototype": {"x": 1}}}, "b": 1}',
    ) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['a', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed.a).toEqual({});
  });
});

describe('toIsoTimestamp', () => {
  it.each([
    ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T12:00:00+02:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00.123456', '2026-11-20T10:00:00.123Z'],
    ['2026-11-20 10:00:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    [1582236537, '2020-02-20T22:08:57.000Z'],
  ])('should normalize %s', (input, expected) => {
    expect(toIsoTimestamp(input)).toBe(expected);
  });

  it.each([
    [''],
    ['yesterday'],
    ['2026-02-30T25:00:00Z'],
    [null],
    [undefined],
    [Number.NaN],
    [{}],
  ])('should give undefined for %s', input => {
    expect(toIsoTimestamp(input)).toBeUndefined();
  });
});

describe('deterministicEventId', () => {
  it('should be stable, and differ by provider, type and body', async () => {
    const body = new TextEncoder().encode('{"customerId":"c1"}');
    const id = await deterministicEventId(
      'tradevest',
      'CUSTOMER_NOTIFICATION',
      body,
    );
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(
      await deterministicEventId(
        'tradevest',
        'CUSTOMER_NOTIFICATION',
        body.slice(),
      ),
    ).toBe(id);
    expect(
      await deterministicEventId('tradevest', 'USER_NOTIFICATION', body),
    ).not.toBe(id);
    expect(
      await deterministicEventId('redpin', 'CUSTOMER_NOTIFICATION', body),
    ).not.toBe(id);
    expect(
      await deterministicEventId(
        'tradevest',
        'CUSTOMER_NOTIFICATION',
        new TextEncoder().encode('{"customerId":"c2"}'),
      ),
    ).not.toBe(id);
  });
});

describe('redactSecrets', () => {
  it('should replace secret-looking values whatever their shape, and keep the rest', () => {
    expect(
      redactSecrets({
        id: 'sub_1',
        config: {
          url: 'https://x.test',
          secret: { type: 'hmac', value: 'whsec_1' },
          api_key: 'k',
        },
        events: [{ password: 'p', name: 'n' }],
      }),
    ).toEqual({
      id: 'sub_1',
      config: {
        url: 'https://x.test',
        secret: '[redacted]',
        api_key: '[redacted]',
      },
      events: [{ password: '[redacted]', name: 'n' }],
    });
  });
});
