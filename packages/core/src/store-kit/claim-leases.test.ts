import { describe, expect, it } from 'vitest';
import { claimLease, createClaimLeases } from './claim-leases';

describe('createClaimLeases', () => {
  it('should hand each remembered lease back once', () => {
    const leases = createClaimLeases();
    leases.remember({ provider: 'p', id: 'a' }, claimLease(false));
    leases.remember({ provider: 'q', id: 'a' }, claimLease(true));
    expect(leases.take({ provider: 'p', id: 'a' })).toBe(1);
    expect(leases.take({ provider: 'p', id: 'a' })).toBeUndefined();
    expect(leases.take({ provider: 'q', id: 'a' })).toBe(0);
  });

  it('should stay bounded, forgetting the oldest claims', () => {
    const leases = createClaimLeases();
    for (let index = 0; index <= 10_000; index++) {
      leases.remember({ provider: 'p', id: String(index) }, 1);
    }
    expect(leases.take({ provider: 'p', id: '0' })).toBeUndefined();
    expect(leases.take({ provider: 'p', id: '10000' })).toBe(1);
  });
});
