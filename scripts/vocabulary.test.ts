// One vocabulary across providers (docs/vocabulary.md), checked mechanically
// over every adapter's catalogue and every published example.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allNormalizedStatusesV1 } from '../packages/core/src/index';
import { renderEventsDoc } from './events-doc';
import { signedExample, vocabularyTargets } from './vocabulary-fixtures';

const root = join(import.meta.dirname, '..');
const vocabulary = readFileSync(join(root, 'docs', 'vocabulary.md'), 'utf8');
const nounSection = vocabulary.slice(
  vocabulary.indexOf('## 4. Nouns'),
  vocabulary.indexOf('## 5.'),
);
const nouns = new Set(
  [...nounSection.matchAll(/`([a-z_]+)`/g)].map(match => match[1]!),
);
const actions = [
  'created',
  'updated',
  'deleted',
  'status_changed',
  'requested',
];
const grammar = new RegExp(`^([a-z][a-z0-9_]*)\\.(${actions.join('|')})$`);

describe.each(
  vocabularyTargets.map(target => [target.adapter.provider, target] as const),
)('%s vocabulary', (_provider, target) => {
  const catalogue = target.adapter.catalogue ?? [];

  it('should publish a catalogue of every native type', () => {
    expect(catalogue.map(entry => entry.nativeType)).toEqual(
      target.adapter.nativeTypes,
    );
  });

  it('should cite a document for exactly the native types it knows', () => {
    expect(Object.keys(target.references).sort()).toEqual(
      [...target.adapter.nativeTypes].sort(),
    );
  });

  it.each(catalogue.map(entry => [entry.nativeType, entry] as const))(
    '%s: grammar, noun, subject, statuses, reference',
    (_nativeType, entry) => {
      const match = grammar.exec(entry.type);
      expect(
        match,
        `${entry.type} is <noun>.<${actions.join('|')}>`,
      ).not.toBeNull();
      const noun = match![1]!;
      expect(nouns.has(noun), `${noun} is in docs/vocabulary.md §4`).toBe(true);
      expect(
        entry.subjectType,
        'the subject is the resource the type names',
      ).toBe(noun);
      if (entry.type.endsWith('.status_changed')) {
        expect(
          entry.normalizedStatus !== undefined || entry.statuses !== undefined,
          'a status change has a normalized status',
        ).toBe(true);
      }
      for (const decision of Object.values(entry.statuses ?? {}))
        expect([...allNormalizedStatusesV1, 'unmapped']).toContain(decision);
      expect(
        target.references[entry.nativeType],
        'cites the provider document',
      ).toMatch(/\S/);
    },
  );

  it.each(target.examples.map(example => [example.name, example] as const))(
    'example %s follows its catalogue entry',
    async (_name, example) => {
      const result = await target.adapter.receive(
        await signedExample(target, example),
      );
      if (result.kind === 'handshake') return;
      const { event } = result;
      const entry = catalogue.find(
        item => item.nativeType === event.nativeType,
      );
      expect(entry, `${event.nativeType} is in the catalogue`).toBeDefined();
      expect(result.kind).toBe('event');
      expect(event.type).toBe(entry!.type);
      if (event.subject !== undefined)
        expect(event.subject.type).toBe(entry!.subjectType);
      if (event.type.endsWith('.status_changed')) {
        expect(
          event.normalizedStatus,
          'a documented status is decided',
        ).toBeDefined();
      }
      if (event.status !== undefined && entry!.statuses !== undefined) {
        expect(
          Object.hasOwn(entry!.statuses, event.status),
          `documented status ${event.status} has a decision`,
        ).toBe(true);
      }
    },
  );
});

describe('docs/events.md', () => {
  it('should be current (pnpm docs:events)', () => {
    const generated = renderEventsDoc(
      vocabularyTargets.map(({ adapter, references }) => ({
        provider: adapter.provider,
        catalogue: adapter.catalogue ?? [],
        references,
      })),
    );
    const path = join(root, 'docs', 'events.md');
    if (process.env.UPDATE_EVENTS_DOC === '1') writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });
});
