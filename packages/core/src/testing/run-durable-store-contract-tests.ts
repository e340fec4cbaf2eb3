import { afterEach, describe } from 'vitest';
import type { DurableWebhookStore } from '../store/durable-webhook-store';
import { registerClaimTests } from './durable-store-contract/claims';
import {
  LEASE_MS,
  START,
  type ContractContext,
  type DurableStoreContractTarget,
} from './durable-store-contract/context';
import { registerGroupCommitTests } from './durable-store-contract/group-commit';
import { registerIdentityTests } from './durable-store-contract/identity';
import { registerOutboxTests } from './durable-store-contract/outbox';
import { registerProcessingTests } from './durable-store-contract/processing';
import { registerQueryTests } from './durable-store-contract/queries';
import { registerRejectedDataTests } from './durable-store-contract/rejected-data';
import { registerRemapTests } from './durable-store-contract/remap';
import { registerRetentionTests } from './durable-store-contract/retention';

export type {
  DurableStoreContractDatabase,
  DurableStoreContractOptions,
  DurableStoreContractTarget,
} from './durable-store-contract/context';

/**
 * The behaviour every `DurableWebhookStore` shares, as vitest tests: dedup
 * by event identity (provider ids, signed material, content keys within
 * their window) with store-assigned ids, accept-then-process, retries with
 * backoff and dead letters, lease recovery, quarantine and replay, data the
 * database cannot take as is, cursor paging, latest state and erasure per
 * subject, retention, exact bytes, re-mapping stored events after a
 * vocabulary change, and the router plus retry worker on top.
 * Call it at the top level of a test file of your store; the SQLite and
 * PostgreSQL stores of finhooks run exactly this suite.
 *
 * ```ts
 * runDurableStoreContractTests({
 *   name: 'MyStore',
 *   parallel: true,
 *   async createDatabase() {
 *     const schema = await createEmptySchema();
 *     return {
 *       open: options => createMyStore({ schema, ...options }),
 *       cleanup: () => dropSchema(schema),
 *     };
 *   },
 * });
 * ```
 */
export function runDurableStoreContractTests(
  target: DurableStoreContractTarget,
): void {
  describe(`${target.name}: durable store contract`, () => {
    const ctx: ContractContext = {
      target,
      clock: START,
      now: () => ctx.clock,
      cleanups: [],
      async setup(options = {}, count = 1) {
        const database = await target.createDatabase();
        ctx.cleanups.push(() => database.cleanup());
        const stores: DurableWebhookStore[] = [];
        for (let index = 0; index < count; index++) {
          const store = database.open({
            now: ctx.now,
            leaseMs: LEASE_MS,
            ...options,
          });
          ctx.cleanups.push(() => store.close());
          stores.push(store);
        }
        for (const store of stores) await store.migrate();
        return { stores, database };
      },
      async one(options = {}) {
        return (await ctx.setup(options)).stores[0]!;
      },
    };

    afterEach(async () => {
      ctx.clock = START;
      while (ctx.cleanups.length > 0) await ctx.cleanups.pop()!();
    });

    registerClaimTests(ctx);
    registerIdentityTests(ctx);
    registerProcessingTests(ctx);
    registerQueryTests(ctx);
    registerRejectedDataTests(ctx);
    registerRetentionTests(ctx);
    registerRemapTests(ctx);
    registerGroupCommitTests(ctx);
    registerOutboxTests(ctx);
  });
}
