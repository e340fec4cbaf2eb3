import { createSqliteStore } from '/work/main/packages/store-sqlite/.before/dist/index.js';
const store = createSqliteStore({ filename: ':memory:' });
const base = (id, over) => ({ specVersion: '1', id, identity: { source: 'provider_id', key: id }, provider: 'acme', type: 't', nativeType: 'T', receivedAt: new Date().toISOString(), data: {}, delivery: {}, ...over });
const d = { method: 'POST', url: 'http://x/', headers: {}, body: new Uint8Array([1]) };
let deep = 1; for (let i = 0; i < 200000; i++) deep = [deep];
let deep3 = 1; for (let i = 0; i < 3000; i++) deep3 = [deep3];
const cases = {
  'NUL in data': base('a', { data: { s: 'a\u0000' } }),
  'NUL in status': base('b', { status: 'X\u0000' }),
  'NUL in subject id': base('c', { subject: { type: 'p', id: 'x\u0000' } }),
  'NUL in id': base('d\u0000'),
  'depth 3000': base('e', { data: deep3 }),
  'depth 200000': base('f', { data: deep }),
  'subject id 12000 random chars': base('g', { subject: { type: 'p', id: Array.from({length: 2000}, () => Math.random().toString(36).slice(2, 8)).join('') } }),
};
for (const [name, event] of Object.entries(cases)) {
  for (const attempt of [1, 2]) {
    try { console.log(name, attempt, JSON.stringify(await store.claim({ event, delivery: d }))); }
    catch (e) { console.log(name, attempt, 'THROWS', e.code ?? '', String(e.message).slice(0, 90)); }
  }
}
await store.close();
