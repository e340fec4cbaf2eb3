import { createRawWebhookRequest } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { signTradevestRequest, tradevestExamples } from './index';

// Content-Length of each published example on the Partner Webhooks page.
const publishedContentLength: Record<string, number> = {
  'customer-notification': 217,
  'natural-person-notification': 222,
  'identification-verification-notification': 293,
  'labels-update-notification': 171,
  'onboarding-notification': 230,
  'proxy-notification': 214,
  'beneficial-owner-notification': 224,
  'partner-document-notification': 93,
  'document-notification': 211,
  'customer-product-notification': 274,
  'legal-entity-search-notification': 119,
  'strategy-notification': 273,
  'transfer-notification': 329,
  'digital-asset-order-notification': 373,
  'traditional-asset-order-notification': 254,
  'user-notification': 182,
  're-token-prices': 35,
  'offboarding-notification': 220,
};

describe('tradevestExamples', () => {
  it('should hold the 18 published examples, one per documented path', () => {
    expect(tradevestExamples.map(example => example.name).sort()).toEqual(
      Object.keys(publishedContentLength).sort(),
    );
  });

  it.each(tradevestExamples.map(example => [example.name, example] as const))(
    'should carry %s exactly as published (length, url, headers)',
    (name, example) => {
      const body = example.request.body as string;
      expect(new TextEncoder().encode(body).length).toBe(
        publishedContentLength[name],
      );
      expect(example.request.url).toBe(
        `http://localhost:3000/webhooks/tradevest/${name}`,
      );
      expect(example.request.method).toBe('POST');
      expect(new Headers(example.request.headers).get('content-type')).toBe(
        'application/json',
      );
      expect(new Headers(example.request.headers).get('api-key')).toBeNull();
    },
  );
});

describe('signTradevestRequest', () => {
  const request = createRawWebhookRequest({
    url: 'http://localhost:3000/webhooks/tradevest/user-notification',
    headers: { accept: '*/*' },
    body: '{"userId":"u"}',
    remoteAddress: '203.0.113.1',
  });

  it('should add the api-key header to a copy', async () => {
    const signed = await signTradevestRequest(request, { secret: 's3cret' });
    expect(signed.headers.get('api-key')).toBe('s3cret');
    expect(signed.headers.get('accept')).toBe('*/*');
    expect(signed.remoteAddress).toBe('203.0.113.1');
    expect(new TextDecoder().decode(signed.body)).toBe('{"userId":"u"}');
    expect(request.headers.get('api-key')).toBeNull();
  });

  it('should use a configured header name', async () => {
    const signed = await signTradevestRequest(request, {
      secret: 's',
      headerName: 'x-token',
    });
    expect(signed.headers.get('x-token')).toBe('s');
    expect(signed.headers.get('api-key')).toBeNull();
  });
});
