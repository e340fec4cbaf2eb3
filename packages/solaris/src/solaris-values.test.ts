import { createRawWebhookRequest } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import { sharedSecretSettings, testSecret } from './solaris-test-helpers';
import { signSolarisRequest } from './testing/sign-solaris-request';
import { solarisExamples } from './testing/solaris-examples';
import {
  firstSubject,
  parseSolarisMetaInfo,
  solarisId,
} from './solaris-values';

describe('parseSolarisMetaInfo', () => {
  it('should parse a JSON string and pass an object through', () => {
    expect(
      parseSolarisMetaInfo({ meta_info: '{"cards":{"card_id":"c1"}}' }),
    ).toEqual({
      cards: { card_id: 'c1' },
    });
    expect(parseSolarisMetaInfo({ meta_info: { cards: {} } })).toEqual({
      cards: {},
    });
  });

  it.each([
    ['no meta_info', { id: 'x' }],
    ['null', { meta_info: null }],
    ['invalid JSON', { meta_info: '{"cards":' }],
    ['a non-object', 'BOOKING'],
    ['undefined', undefined],
  ])('should return undefined for %s without throwing', (_name, data) => {
    expect(parseSolarisMetaInfo(data)).toBeUndefined();
  });

  it('should not let meta_info pollute prototypes', () => {
    const parsed = parseSolarisMetaInfo({
      meta_info: '{"__proto__":{"polluted":true}}',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed).toEqual({});
  });
});

describe('solarisId', () => {
  it('should read the string "null" and blanks as absent', () => {
    expect(solarisId('null')).toBeUndefined();
    expect(solarisId(' ')).toBeUndefined();
    expect(solarisId(null)).toBeUndefined();
    expect(solarisId('b1cbiz')).toBe('b1cbiz');
    expect(firstSubject(['business', 'null'], ['person', 'p1cper'])).toEqual({
      type: 'person',
      id: 'p1cper',
    });
  });
});

describe('published payloads', () => {
  const adapter = createSolarisAdapter(sharedSecretSettings);
  const receive = async (nativeType: string) => {
    const example = solarisExamples.find(
      candidate => candidate.nativeType === nativeType,
    );
    if (example === undefined) throw new Error(nativeType);
    const result = await adapter.receive(
      await signSolarisRequest(createRawWebhookRequest(example.request), {
        secret: testSecret,
      }),
    );
    if (result.kind !== 'event') throw new Error(result.kind);
    return result.event;
  };

  it('should keep BOOKING money as integer minor units and meta_info as the string sent', async () => {
    const event = await receive('BOOKING');
    if (event.type === 'solaris.unknown' || event.nativeType !== 'BOOKING')
      throw new Error('narrowing');
    expect(event.data.amount).toEqual({
      value: -160,
      unit: 'cents',
      currency: 'EUR',
    });
    expect(Number.isInteger(event.data.amount.value)).toBe(true);
    expect(typeof event.data.meta_info).toBe('string');
    expect(parseSolarisMetaInfo(event.data)).toMatchObject({
      cards: { card_id: 'abe6963e8be94364b8c1aa34d1bb5bc3mcrd' },
    });
    expect(event.occurredAt).toBe('2022-01-24T00:41:57.634Z');
  });

  it('should keep business_id "null" in data but never use it as a subject', async () => {
    const event = await receive('ACCOUNT_BLOCK');
    if (
      event.type === 'solaris.unknown' ||
      event.nativeType !== 'ACCOUNT_BLOCK'
    )
      throw new Error('narrowing');
    expect(event.data.business_id).toBe('null');
    expect(event.subject).toEqual({
      type: 'account',
      id: 'adc123a45d6d7cf8fbfeed537ba919d5cacc',
    });
    expect(event.status).toBe('DEBIT_BLOCK');
  });

  it('should map PERSON_DELETED to person.deleted with the person as subject', async () => {
    const event = await receive('PERSON_DELETED');
    expect(event.type).toBe('person.deleted');
    expect(event.subject).toEqual({
      type: 'person',
      id: 'dc1a6812a14f6cc338cd084208535bcdcper',
    });
  });
});
