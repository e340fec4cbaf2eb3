// docs/events.md: every native type of every adapter with its normalized
// type, subject type, normalized statuses and the provider passage it
// follows, made from the adapters' catalogues (`adapter.catalogue`) and
// their `<provider>EventReferences`.
import type { WebhookCatalogueEntryV1 } from '../packages/core/src/index';

function statusesOf(entry: WebhookCatalogueEntryV1): string {
  if (entry.normalizedStatus !== undefined)
    return `always \`${entry.normalizedStatus}\` (the type names it)`;
  if (entry.statuses === undefined) return '';
  return Object.entries(entry.statuses)
    .map(([raw, decision]) => `${raw} → ${decision}`)
    .join('; ');
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function renderEventsDoc(
  providers: readonly {
    provider: string;
    catalogue: readonly WebhookCatalogueEntryV1[];
    references: Readonly<Record<string, string>>;
  }[],
): string {
  const sections = providers.map(({ provider, catalogue, references }) => {
    const rows = [...catalogue]
      .sort((a, b) => a.nativeType.localeCompare(b.nativeType))
      .map(
        entry =>
          `| \`${cell(entry.nativeType)}\` | \`${entry.type}\` | ${entry.subjectType === undefined ? '' : `\`${entry.subjectType}\``} | ${cell(statusesOf(entry))} | ${cell(references[entry.nativeType] ?? '')} |`,
      );
    return `## ${provider} (${catalogue.length})

| native type | normalized type | subject | normalized status (provider spelling → normalized) | source |
|---|---|---|---|---|
${rows.join('\n')}
`;
  });
  const total = providers.reduce((sum, p) => sum + p.catalogue.length, 0);
  return `# Event types

Generated from the adapters' catalogues by \`pnpm docs:events\`; CI fails when it is stale.
The rules behind each row are in [vocabulary.md](vocabulary.md). ${total} native types.

${sections.join('\n')}`;
}
