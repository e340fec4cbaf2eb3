// Reading and erasing: paging, exact round trips, latest state and erasure per subject, counts.
import { expect, it } from 'vitest';
import { InvalidCursorError } from '../../errors/invalid-cursor-error';
import type { DurableWebhookStore } from '../../store/durable-webhook-store';
import {
  type ContractContext,
  START,
  LEASE_MS,
  makeEvent,
  makeInvalid,
  entry,
  sameBytes,
  key,
} from './context';

export function registerQueryTests(ctx: ContractContext): void {
  const { one } = ctx;
  it('pages newest first with an opaque cursor, and filters', async () => {
    const store = await one();
    const specs: [string, string, string, number][] = [
      // provider, id, type, receivedAt offset (s)
      ['acme', 'a1', 'payment.status_changed', 1],
      ['acme', 'a2', 'customer.updated', 2],
      ['zeta', 'z1', 'payment.status_changed', 2], // same instant as a2
      ['acme', 'a3', 'payment.status_changed', 3],
      ['zeta', 'z2', 'customer.updated', 4],
      ['acme', 'a4', 'payment.status_changed', 4],
      ['acme', 'a5', 'customer.updated', 4],
      ['zeta', 'z3', 'payment.status_changed', 5],
    ];
    for (const [provider, id, type, offset] of specs) {
      await store.claim(
        entry(
          makeEvent({
            provider,
            id,
            type,
            receivedAt: new Date(START + offset * 1000).toISOString(),
          }),
        ),
      );
    }
    await store.complete({ provider: 'acme', id: 'a4' });

    const collect = async (
      query: Parameters<DurableWebhookStore['listEvents']>[0],
    ) => {
      const ids: string[] = [];
      const cursors: (string | null)[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const result = await store.listEvents({
          ...query,
          ...(cursor ? { cursor } : {}),
        });
        ids.push(...result.events.map(row => `${row.provider}/${row.id}`));
        cursors.push(result.nextCursor);
        if (result.nextCursor === null) break;
        expect(result.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
        cursor = result.nextCursor;
      }
      return { ids, cursors };
    };

    const all = await collect({ limit: 3 });
    expect(all.ids).toEqual([
      'zeta/z3',
      'zeta/z2',
      'acme/a5',
      'acme/a4',
      'acme/a3',
      'zeta/z1',
      'acme/a2',
      'acme/a1',
    ]);
    expect(all.cursors.at(-1)).toBeNull();
    expect(all.cursors).toHaveLength(3);

    expect((await collect({ limit: 2, provider: 'acme' })).ids).toEqual([
      'acme/a5',
      'acme/a4',
      'acme/a3',
      'acme/a2',
      'acme/a1',
    ]);
    expect((await collect({ limit: 1, type: 'customer.updated' })).ids).toEqual(
      ['zeta/z2', 'acme/a5', 'acme/a2'],
    );
    expect(
      (await collect({ provider: 'zeta', type: 'payment.status_changed' })).ids,
    ).toEqual(['zeta/z3', 'zeta/z1']);
    expect((await collect({ state: 'processed' })).ids).toEqual(['acme/a4']);
    expect((await collect({ provider: 'nobody' })).ids).toEqual([]);

    // An exactly full last page has no next cursor.
    expect((await store.listEvents({ limit: 8 })).nextCursor).toBeNull();
    expect((await store.listEvents({ limit: 7 })).nextCursor).not.toBeNull();
    // Limits are clamped to 1..500; default 50.
    expect((await store.listEvents({ limit: 0 })).events).toHaveLength(1);
    expect((await store.listEvents({ limit: 10_000 })).events).toHaveLength(8);
    expect((await store.listEvents()).events).toHaveLength(8);

    // A cursor the store did not issue is the caller's mistake (400).
    for (const cursor of [
      'not a cursor',
      'eyJhIjoxfQ', // base64url of {"a":1}
      all.cursors[0]!.slice(0, -3),
    ]) {
      const error: unknown = await store.listEvents({ cursor }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, cursor).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/cursor/);
      expect(InvalidCursorError.isInstance(error), cursor).toBe(true);
      expect(error).toMatchObject({
        code: 'cursor_invalid',
        httpStatus: 400,
      });
    }
  });
  it('round-trips the envelope JSON and the exact body bytes', async () => {
    const store = await one();
    const body = new Uint8Array(512);
    for (let index = 0; index < body.length; index++)
      body[index] = (index * 7) % 256;
    body.set([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x00], 0); // not UTF-8, with NULs
    const event = makeEvent({
      id: 'evt_bin',
      livemode: false,
      account: 'P11112222',
      data: {
        zKey: 1,
        aKey: [{ b: 'ü\u0000\n"\\' }],
        big: 12345678901234,
        tiny: 1e-7,
        neg: -0.5,
      },
    });
    const delivery = {
      method: 'PUT',
      url: 'https://hooks.example.com/a/b?c=d&e=%20',
      headers: {
        'content-type': 'application/octet-stream',
        'x-weird': 'ä "quoted"',
      },
      body,
    };
    await store.claim({ event, delivery });
    const stored = await store.getEvent(key(event));
    expect(JSON.stringify(stored?.event)).toBe(JSON.stringify(event));
    expect(stored?.delivery).toEqual(delivery);
    expect(stored?.delivery.body).toBeInstanceOf(Uint8Array);
    // A plain Uint8Array (not a driver's Buffer subclass) with the exact bytes.
    expect(Object.getPrototypeOf(stored?.delivery.body)).toBe(
      Uint8Array.prototype,
    );
    expect(sameBytes(stored!.delivery.body, body)).toBe(true);

    const empty = makeEvent({ id: 'evt_empty' });
    await store.claim({
      event: empty,
      delivery: { ...delivery, body: new Uint8Array(0) },
    });
    expect((await store.getEvent(key(empty)))?.delivery.body).toEqual(
      new Uint8Array(0),
    );

    const listed = (await store.listEvents()).events.find(
      row => row.id === 'evt_bin',
    );
    expect(sameBytes(listed!.delivery.body, body)).toBe(true);
  });
  it('tells the latest state per subject when deliveries arrive out of order', async () => {
    const store = await one();
    const at = (minutes: number) =>
      new Date(START + minutes * 60_000).toISOString();
    const arrivals: [string, string | undefined, string, string][] = [
      // id, occurredAt, status, subject
      ['e2', at(2), 'AUTHORIZED', 'pay_1'],
      ['e3', at(3), 'CAPTURED', 'pay_1'],
      ['e1', at(1), 'CREATED', 'pay_1'], // arrives last, happened first
      ['x9', at(9), 'REFUNDED', 'pay_2'], // another payment
      ['n0', undefined, 'UNKNOWN', 'pay_1'], // no occurredAt: ranks last
    ];
    for (const [
      index,
      [id, occurredAt, status, subjectId],
    ] of arrivals.entries()) {
      const event = makeEvent({
        id,
        status,
        subject: { type: 'payment', id: subjectId },
        receivedAt: new Date(START + index * 1000).toISOString(),
      });
      if (occurredAt === undefined) delete event.occurredAt;
      else event.occurredAt = occurredAt;
      await store.claim(entry(event));
    }
    const latest = await store.latestBySubject({
      provider: 'acme',
      subjectType: 'payment',
      subjectId: 'pay_1',
    });
    expect(latest?.event.status).toBe('CAPTURED');
    expect(latest?.id).toBe('e3');

    // Same occurredAt: the later receipt wins.
    await store.claim(
      entry(
        makeEvent({
          id: 'e3b',
          status: 'SETTLED',
          occurredAt: at(3),
          receivedAt: new Date(START + 10_000).toISOString(),
        }),
      ),
    );
    expect(
      (
        await store.latestBySubject({
          provider: 'acme',
          subjectType: 'payment',
          subjectId: 'pay_1',
        })
      )?.id,
    ).toBe('e3b');
    expect(
      await store.latestBySubject({
        provider: 'zeta',
        subjectType: 'payment',
        subjectId: 'pay_1',
      }),
    ).toBeUndefined();
  });
  it('deletes every event about a subject, with its delivery, in any state', async () => {
    const store = await one();
    const person = (id: string, subjectId = 'per_1', provider = 'acme') =>
      makeEvent({
        id,
        provider,
        type: 'person.updated',
        subject: { type: 'person', id: subjectId },
      });
    const processed = person('p_processed');
    const pending = person('p_pending');
    const processing = person('p_processing');
    const quarantined = makeInvalid({
      id: 'p_quarantined',
      subject: { type: 'person', id: 'per_1' },
    });
    const kept = [
      person('p_other', 'per_2'), // another person
      person('p_foreign', 'per_1', 'zeta'), // same id at another provider
      makeEvent({
        id: 'p_payment',
        subject: { type: 'payment', id: 'per_1' },
      }),
      makeEvent({ id: 'p_none', subject: undefined }),
    ];
    for (const event of [processed, pending, processing, quarantined, ...kept])
      await store.claim(entry(event));
    await store.complete(key(processed));
    await store.fail(key(pending), new Error('later'));

    expect(
      await store.deleteBySubject({
        provider: 'acme',
        subjectType: 'person',
        subjectId: 'per_1',
      }),
    ).toBe(4);
    for (const event of [processed, pending, processing, quarantined])
      expect(await store.getEvent(key(event)), event.id).toBeUndefined();
    for (const event of kept)
      expect(await store.getEvent(key(event)), event.id).toBeDefined();
    expect(
      await store.latestBySubject({
        provider: 'acme',
        subjectType: 'person',
        subjectId: 'per_1',
      }),
    ).toBeUndefined();
    expect((await store.listEvents()).events.map(row => row.id).sort()).toEqual(
      kept.map(event => event.id).sort(),
    );
    // Retry workers only see what is left.
    ctx.clock += 24 * 3600 * 1000;
    expect(
      (await store.leaseDue({ limit: 10, leaseMs: LEASE_MS }))
        .map(row => row.id)
        .sort(),
    ).toEqual(kept.map(event => event.id).sort());
    // A handler still running on a deleted event changes nothing.
    await store.complete(key(processing));
    await store.fail(key(processing), new Error('late'));
    expect(await store.getEvent(key(processing))).toBeUndefined();

    expect(
      await store.deleteBySubject({
        provider: 'acme',
        subjectType: 'person',
        subjectId: 'per_1',
      }),
    ).toBe(0);
    // Nothing of the deleted delivery survives: a redelivery is new.
    const body = new Uint8Array([9, 8, 7]);
    expect(await store.claim(entry(processed, body))).toMatchObject({
      status: 'claimed',
    });
    expect((await store.getEvent(key(processed)))?.delivery.body).toEqual(body);
    expect(
      await store.deleteBySubject({
        provider: 'acme',
        subjectType: 'person',
        subjectId: 'per_1',
      }),
    ).toBe(1);
    expect(await store.counts()).toEqual(
      expect.arrayContaining([
        { provider: 'acme', state: 'processing', count: 3 },
        { provider: 'zeta', state: 'processing', count: 1 },
      ]),
    );
    expect(await store.counts()).toHaveLength(2);
  });
  it('counts events by provider and state', async () => {
    const store = await one();
    await store.claim(entry(makeEvent({ id: 'a' })));
    await store.claim(entry(makeEvent({ id: 'b' })));
    await store.claim(entry(makeInvalid({ id: 'c' })));
    await store.claim(entry(makeEvent({ id: 'd', provider: 'zeta' })));
    await store.complete({ provider: 'acme', id: 'a' });
    const counts = await store.counts();
    expect(counts).toEqual(
      expect.arrayContaining([
        { provider: 'acme', state: 'processed', count: 1 },
        { provider: 'acme', state: 'processing', count: 1 },
        { provider: 'acme', state: 'quarantined', count: 1 },
        { provider: 'zeta', state: 'processing', count: 1 },
      ]),
    );
    expect(counts).toHaveLength(4);
  });
}
