import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error';
import { assertSecretSourceConfigured, resolveSecrets } from './secret-source';

describe('resolveSecrets', () => {
  it('should resolve values, lists and async resolvers, dropping empty ones', async () => {
    expect(await resolveSecrets('a', {})).toEqual(['a']);
    expect(await resolveSecrets(['a', '', 'b'], {})).toEqual(['a', 'b']);
    expect(
      await resolveSecrets(
        async (context: { type: string }) =>
          context.type === 'BOOKING' ? ['x'] : undefined,
        { type: 'BOOKING' },
      ),
    ).toEqual(['x']);
    expect(await resolveSecrets(async () => undefined, {})).toEqual([]);
    expect(await resolveSecrets(undefined, {})).toEqual([]);
  });
});

describe('assertSecretSourceConfigured', () => {
  it('should refuse a missing or empty static secret', () => {
    for (const source of [undefined, '', [], ['']]) {
      let caught: unknown;
      try {
        assertSecretSourceConfigured(source, {
          provider: 'p',
          setting: 'secret',
        });
      } catch (error) {
        caught = error;
      }
      expect(ConfigurationError.isInstance(caught)).toBe(true);
      expect(String(caught)).toContain('`secret`');
    }
  });

  it('should accept a value or a resolver', () => {
    expect(() =>
      assertSecretSourceConfigured('s', { provider: 'p', setting: 'secret' }),
    ).not.toThrow();
    expect(() =>
      assertSecretSourceConfigured(() => undefined, {
        provider: 'p',
        setting: 'secret',
      }),
    ).not.toThrow();
  });
});
