// The contract's re-mapping tests on core's in-memory durable store (the
// SQLite and PostgreSQL stores run them in the full contract suite).
import { afterEach, describe, expect, it } from 'vitest';
import {
  START,
  type ContractContext,
} from '../testing/durable-store-contract/context';
import { registerRemapTests } from '../testing/durable-store-contract/remap';
import { createFakeDurableStore } from '../testing/fake-durable-store';
import type { DurableWebhookStore } from './durable-webhook-store';
import { remapStoredEvents } from './remap-stored-events';

describe('remapStoredEvents on the in-memory durable store', () => {
  const ctx: ContractContext = {
    target: {
      name: 'fake',
      parallel: false,
      createDatabase: () => Promise.reject(new Error('unused')),
    },
    clock: START,
    now: () => ctx.clock,
    cleanups: [],
    async setup(options = {}) {
      const store: DurableWebhookStore = createFakeDurableStore({
        now: ctx.now,
        ...(options.maxAttempts === undefined
          ? {}
          : { maxAttempts: options.maxAttempts }),
      });
      const database = {
        open: () => store,
        cleanup: async () => {},
      };
      return { stores: [store], database };
    },
    async one(options = {}) {
      return (await ctx.setup(options)).stores[0]!;
    },
  };

  afterEach(() => {
    ctx.clock = START;
  });

  registerRemapTests(ctx);

  it('stops when its signal is aborted, and skips adapters without a catalogue', async () => {
    const store = createFakeDurableStore();
    const read = () => {
      throw new Error('listEvents was called');
    };
    const stopped = new AbortController();
    stopped.abort();
    const adapter = {
      specVersion: 'v1' as const,
      provider: 'acme',
      methods: ['POST'],
      nativeTypes: [],
      sensitiveHeaders: [],
      receive: () => Promise.reject(new Error('not called')),
    };
    const guarded = { ...store, listEvents: read };
    const none = { scanned: 0, remapped: 0, failed: 0 };
    expect(await remapStoredEvents(guarded, [adapter])).toEqual(none);
    expect(
      await remapStoredEvents(
        guarded,
        [{ ...adapter, catalogue: [{ nativeType: 'x', type: 'y.created' }] }],
        { signal: stopped.signal },
      ),
    ).toEqual(none);
  });
});
