/**
 * Public, well-known secrets for demo mode (`FINHOOKS_DEMO=1`). They let a
 * newcomer run the server and the simulator with no setup. Anyone can read
 * them here: never use demo mode on a reachable address.
 */
export const DEMO_SECRETS = {
  dintero: {
    webhookSecret: 'demo-dintero-hooks-secret',
    checkout: {
      secret: 'demo-dintero-checkout-secret',
      accountId: 'T12345678',
    },
  },
  solaris: {
    secret: 'demo-solaris-secret',
    // Deletions need a secret of their own: under a shared secret, a
    // captured `{}` signature could be relabelled as any person's deletion.
    secretsByEventType: {
      PERSON_DELETED: 'demo-solaris-person-deleted-secret',
      BUSINESS_DELETED: 'demo-solaris-business-deleted-secret',
    },
  },
  redpin: { header: 'x-api-key', token: 'demo-redpin-token' },
  tradevest: { header: 'api-key', token: 'demo-tradevest-token' },
} as const;
