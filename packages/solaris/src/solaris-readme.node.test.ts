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

  it('should state the identity and authenticity model', () => {
    const section = readme.slice(
      readme.indexOf('## Identity and authenticity'),
    );
    expect(section).toMatch(/^## Identity and authenticity$/m);
    for (const fact of [
      'dedupWindowMs',
      'solaris-webhook-id',
      'allowSharedSecretForDeletions',
      'resolvesPerType',
      'authenticity.type',
    ])
      expect(section, fact).toContain(fact);
  });

  it('should confirm a deletion through the Solaris API before erasing anything', () => {
    const start = readme.indexOf("webhooks.on('person.deleted'");
    expect(start).toBeGreaterThan(-1);
    const recipe = readme.slice(start, readme.indexOf('```', start));
    const confirm = recipe.indexOf('/v1/persons/');
    expect(confirm).toBeGreaterThan(-1);
    expect(recipe.indexOf('deletePersonData(')).toBeGreaterThan(confirm);
    expect(recipe.indexOf('deleteBySubject(')).toBeGreaterThan(confirm);
  });
});
