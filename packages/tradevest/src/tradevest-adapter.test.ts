import { createRawWebhookRequest } from '@finhooks/core';
import {
  runAdapterConformanceTests,
  withHeaders,
} from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import { signTradevestRequest, tradevestExamples } from './testing/index';
import { createTradevestAdapter } from './tradevest-adapter';

const secret = 'tv_secret_api_key';
const uuid = '123e4567-e89b-12d3-a456-426614174000';
const withoutSubject = new Set([
  'labels-update-notification',
  're-token-prices',
]);
const subjectIds: Record<string, string> = { 'user-notification': 'text' };

// Tradevest cannot name an event type we do not know (the path is the type),
// so there is no `unknownEvent`: an unknown path is a 404, tested below.
runAdapterConformanceTests({
  createAdapter: value =>
    createTradevestAdapter({ headers: [{ name: 'api-key', value }] }),
  secret,
  sign: signTradevestRequest,
  signsBody: false,
  stripAuthentication: request => withHeaders(request, { 'api-key': null }),
  fixtures: tradevestExamples.map(example => ({
    name: example.name,
    request: example.request,
    nativeType: example.nativeType,
    type: example.type,
    ...(withoutSubject.has(example.name)
      ? {}
      : { subjectId: subjectIds[example.name] ?? uuid }),
  })),
});

describe('createTradevestAdapter', () => {
  const adapter = createTradevestAdapter({
    headers: [{ name: 'api-key', value: secret }],
  });
  const receivedAt = new Date('2025-05-23T00:33:00.000Z');

  describe('published examples', () => {
    for (const example of tradevestExamples) {
      it(`should map ${example.name} to a stable envelope`, async () => {
        const request = await signTradevestRequest(
          createRawWebhookRequest(example.request),
          {
            secret,
          },
        );
        const result = await adapter.receive(request, { receivedAt });
        expect(result.kind).toBe('event');
        expect(result.warnings).toEqual([]);
        expect(result.kind === 'event' && result.event).toMatchSnapshot();
      });
    }

    it('should leave no subject on the examples that name no object', async () => {
      for (const example of tradevestExamples.filter(item =>
        withoutSubject.has(item.name),
      )) {
        const request = await signTradevestRequest(
          createRawWebhookRequest(example.request),
          {
            secret,
          },
        );
        const result = await adapter.receive(request);
        expect(result.kind === 'event' && result.event.subject).toBeUndefined();
      }
    });
  });

  it('should be POST only and declare the configured header sensitive', () => {
    const multi = createTradevestAdapter({
      headers: [
        { name: 'API-Key', value: 'a' },
        { name: 'x-partner', value: 'b' },
      ],
    });
    expect(multi.methods).toEqual(['POST']);
    expect(multi.sensitiveHeaders).toEqual(['api-key', 'x-partner']);
    expect(multi.nativeTypes).toHaveLength(26);
  });
});
