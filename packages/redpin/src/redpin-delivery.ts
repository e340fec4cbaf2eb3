import type { WebhookDeliveryFacts } from '@finhooks/core';
import { isRecord, redpinGeneration } from './redpin-native-type';

/** Envelope `version`s Redpin documents (docs/providers/redpin.md#payload-generations: `"v1.0.0"`). */
export const redpinDocumentedVersions: readonly string[] = ['v1.0.0'];

/**
 * Facts of one delivery: a `compatibility` warning when an envelope names
 * a `version` Redpin has not documented. The body is still read as
 * v1.0.0 (new fields are kept, missing required ones quarantine it); the
 * warning makes sure a contract change is logged, not passed in silence.
 */
export function describeRedpinDelivery(body: unknown): WebhookDeliveryFacts {
  if (!isRecord(body) || redpinGeneration(body) !== 'envelope') return {};
  const { version } = body;
  if (typeof version !== 'string' || redpinDocumentedVersions.includes(version))
    return {};
  return {
    warnings: [
      {
        type: 'compatibility',
        message: `Undocumented Redpin payload version ${JSON.stringify(version.slice(0, 64))} (documented: ${redpinDocumentedVersions.join(', ')}): read as v1.0.0. Check Redpin's changelog and update @finhooks/redpin.`,
      },
    ],
  };
}
