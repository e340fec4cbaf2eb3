import * as z from 'zod/mini';
import { allNormalizedStatusesV1 } from './normalized-status-v1';

// Built in a function called with a pure annotation: a bundle that never
// validates envelopes (a Fetch handler on Workers) drops it and zod with it.
function createWebhookEventV1Schema() {
  const isoDateTime = z.iso.datetime({ offset: true });
  return z.object({
    specVersion: z.literal('1'),
    id: z.string().check(z.minLength(1)),
    identity: z.object({
      source: z.enum(['provider_id', 'signed_material', 'content']),
      key: z.string().check(z.minLength(1)),
      windowMs: z.optional(z.int().check(z.nonnegative())),
    }),
    authenticity: z.object({
      scheme: z.enum(['signature', 'credentials', 'none']),
      body: z.boolean(),
      type: z.boolean(),
      subject: z.optional(z.boolean()),
      timestamp: z.boolean(),
      url: z.boolean(),
      headers: z.array(z.string()),
    }),
    provider: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
    type: z.string().check(z.regex(/^[a-z][a-z0-9_-]*\.[a-z][a-z0-9_]*$/)),
    nativeType: z.string().check(z.minLength(1)),
    subject: z.optional(
      z.object({
        type: z.string().check(z.minLength(1)),
        id: z.string().check(z.minLength(1)),
      }),
    ),
    status: z.optional(z.string()),
    normalizedStatus: z.optional(z.enum(allNormalizedStatusesV1)),
    occurredAt: z.optional(isoDateTime),
    receivedAt: isoDateTime,
    livemode: z.optional(z.boolean()),
    account: z.optional(z.string().check(z.minLength(1))),
    data: z.unknown(),
    delivery: z.object({
      attempt: z.optional(z.int().check(z.nonnegative())),
      headers: z.optional(z.record(z.string(), z.string())),
    }),
    issues: z.optional(
      z.array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
          code: z.string(),
        }),
      ),
    ),
  });
}

/**
 * Runtime schema of the v1 envelope. Every event an adapter emits passes it;
 * use it to validate events read back from a store or a queue. (zod/mini:
 * any zod 4 API can compose it.)
 */
export const webhookEventV1Schema =
  /* @__PURE__ */ createWebhookEventV1Schema();
