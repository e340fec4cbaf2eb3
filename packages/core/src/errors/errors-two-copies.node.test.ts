import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SignatureVerificationError } from './signature-verification-error';
import { FinhooksError } from './finhooks-error';
import type * as core from '../index';

// The built CommonJS bundle is a second copy of core, as when two adapters
// depend on different @finhooks/core versions.
const require = createRequire(import.meta.url);
const copy = require('../../dist/index.cjs') as typeof core;

describe('errors across two copies of core', () => {
  it('should be recognised by isInstance but not instanceof', () => {
    const foreign = new copy.SignatureVerificationError({ message: 'm' });
    expect(foreign instanceof SignatureVerificationError).toBe(false);
    expect(SignatureVerificationError.isInstance(foreign)).toBe(true);
    expect(FinhooksError.isInstance(foreign)).toBe(true);
    expect(
      copy.SignatureVerificationError.isInstance(
        new SignatureVerificationError({ message: 'm' }),
      ),
    ).toBe(true);
    expect(copy.AuthenticationError.isInstance(foreign)).toBe(false);
  });
});
