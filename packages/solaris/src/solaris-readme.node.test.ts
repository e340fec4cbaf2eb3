import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedCatalogue } from './__fixtures__/solaris-expected-catalogue';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('should list every native type with its normalized type and subject', () => {
    for (const [nativeType, [type, subject]] of Object.entries(
      expectedCatalogue,
    )) {
      const subjectCell = subject === undefined ? '—' : `\`${subject}\``;
      const row = new RegExp(
        `^\\| +\`${nativeType}\`[^|]*\\| +\`${type.replace('.', '\\.')}\` +\\| +${subjectCell}[ (|]`,
        'm',
      );
      expect(readme, nativeType).toMatch(row);
    }
  });
});
