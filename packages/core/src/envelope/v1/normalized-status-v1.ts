/**
 * The normalized status vocabulary (docs/vocabulary.md): a small set of
 * states every provider's own spelling maps to, grouped by the kind of
 * resource. `status` keeps the provider's spelling; `normalizedStatus`
 * says what it means, so one handler serves every provider.
 */
export const normalizedStatusesV1 = {
  /** Money movements: payment, transfer, transaction, direct_debit, order, booking, loan payout… */
  movement: [
    'pending',
    'authorized',
    'processing',
    'requires_action',
    'succeeded',
    'failed',
    'canceled',
    'refunded',
  ],
  /** Parties and products: customer, person, business, account, card, token… */
  lifecycle: ['pending', 'active', 'inactive', 'blocked', 'closed'],
  /** Reviews and applications: identification, compliance case, onboarding, application, document… */
  review: [
    'pending',
    'requires_action',
    'approved',
    'rejected',
    'expired',
    'canceled',
  ],
} as const;

/** Every normalized status. */
export type NormalizedStatusV1 =
  (typeof normalizedStatusesV1)[keyof typeof normalizedStatusesV1][number];

/** All normalized statuses, for validation. */
export const allNormalizedStatusesV1: readonly NormalizedStatusV1[] =
  // Pure: a bundle that never reads the list does not carry it.
  /* @__PURE__ */ (() => [
    ...new Set(Object.values(normalizedStatusesV1).flat()),
  ])();

/**
 * An adapter's decision for one provider status value: a normalized
 * status, or `'unmapped'` when the value says nothing the vocabulary can
 * (the event then carries no `normalizedStatus`).
 */
export type NormalizedStatusDecision = NormalizedStatusV1 | 'unmapped';
