/**
 * Production or test, from the account id prefix: `P…` accounts are
 * production, `T…` accounts test. Anything else: unknown.
 */
export function dinteroLivemode(
  accountId: string | null | undefined,
): boolean | undefined {
  if (typeof accountId !== 'string') return undefined;
  if (accountId.startsWith('P')) return true;
  if (accountId.startsWith('T')) return false;
  return undefined;
}
