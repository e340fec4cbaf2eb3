import { z } from 'zod';
import { allNormalizedStatusesV1 } from './normalized-status-v1';

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * Runtime schema of the v1 envelope. Every event an adapter emits passes it;
 * use it to validate events read back from a store or a queue.
 */
export const webhookEventV1Schema = z.object({
  specVersion: z.literal('1'),
  id: z.string().min(1),
  identity: z.object({
    source: z.enum(['provider_id', 'signed_material', 'content']),
    key: z.string().min(1),
    windowMs: z.number().int().nonnegative().optional(),
  }),
  authenticity: z.object({
    scheme: z.enum(['signature', 'credentials', 'none']),
    body: z.boolean(),
    type: z.boolean(),
    subject: z.boolean().optional(),
    timestamp: z.boolean(),
    url: z.boolean(),
    headers: z.array(z.string()),
  }),
  provider: z.string().regex(/^[a-z][a-z0-9-]*$/),
  type: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/),
  nativeType: z.string().min(1),
  subject: z
    .object({ type: z.string().min(1), id: z.string().min(1) })
    .optional(),
  status: z.string().optional(),
  normalizedStatus: z.enum(allNormalizedStatusesV1).optional(),
  occurredAt: isoDateTime.optional(),
  receivedAt: isoDateTime,
  livemode: z.boolean().optional(),
  account: z.string().min(1).optional(),
  data: z.unknown(),
  delivery: z.object({
    attempt: z.number().int().nonnegative().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  issues: z
    .array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        message: z.string(),
        code: z.string(),
      }),
    )
    .optional(),
});
