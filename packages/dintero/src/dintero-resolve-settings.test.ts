import { ConfigurationError } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createDinteroAdapter } from './dintero-adapter';
import type { DinteroAdapterSettings } from './dintero-adapter-settings';

const checkout = { secret: 'checkout', accountId: 'T12345678' };

function configurationMessage(settings: DinteroAdapterSettings): string {
  try {
    createDinteroAdapter(settings);
  } catch (error) {
    expect(ConfigurationError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('createDinteroAdapter settings', () => {
  it.each<[string, DinteroAdapterSettings, RegExp]>([
    // JavaScript callers: these do not compile in TypeScript.
    ['no mechanism', {} as DinteroAdapterSettings, /no secret configured/],
    [
      'undefined secrets',
      { secret: undefined, checkout: undefined } as never,
      /no secret configured/,
    ],
    ['an empty Hooks secret', { secret: '' }, /`secret`/],
    ['an empty list of Hooks secrets', { secret: [] }, /`secret`/],
    [
      'an empty checkout secret',
      { checkout: { ...checkout, secret: '' } },
      /checkout\.secret/,
    ],
    [
      'no account id',
      { checkout: { ...checkout, accountId: [] } },
      /accountId/,
    ],
    [
      'a malformed account id',
      { checkout: { ...checkout, accountId: '12345678' } },
      /not a Dintero account id/,
    ],
    [
      'a zero tolerance',
      { checkout: { ...checkout, toleranceSeconds: 0 } },
      /toleranceSeconds/,
    ],
    [
      'a relative publicUrl',
      { checkout: { ...checkout, publicUrl: 'shop.example.com' } },
      /not a URL/,
    ],
    [
      'a publicUrl with a query',
      { checkout: { ...checkout, publicUrl: 'https://a.example?x=1' } },
      /base URL/,
    ],
    [
      'a callbackPath with slashes',
      { checkout: { ...checkout, callbackPath: 'a/b' } },
      /one path segment/,
    ],
  ])('should refuse %s', (_name, settings, message) => {
    expect(configurationMessage(settings)).toMatch(message);
  });

  it('should accept either mechanism alone, or both, and secret resolvers', () => {
    expect(createDinteroAdapter({ secret: 'hooks' }).methods).toEqual([
      'POST',
      'GET',
    ]);
    expect(createDinteroAdapter({ checkout }).provider).toBe('dintero');
    expect(
      createDinteroAdapter({ secret: () => undefined, checkout }).provider,
    ).toBe('dintero');
  });
});
