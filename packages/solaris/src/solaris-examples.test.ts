import { createRawWebhookRequest } from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import { sharedSecretSettings, testSecret } from './solaris-test-helpers';
import { signSolarisRequest } from './testing/sign-solaris-request';
import { solarisExamples } from './testing/solaris-examples';

const adapter = createSolarisAdapter(sharedSecretSettings);
const receivedAt = new Date('2026-01-01T12:00:00Z');

describe('solarisExamples', () => {
  it('should cover every published example with the route of the example app', () => {
    expect(solarisExamples).toHaveLength(38);
    for (const example of solarisExamples) {
      expect(example.request.url).toBe(
        'http://localhost:3000/webhooks/solaris',
      );
      expect(example.type).not.toBe('solaris.unknown');
      expect(
        new Headers(example.request.headers).get('solaris-webhook-signature'),
      ).toBeNull();
      expect(
        new Headers(example.request.headers).get('solaris-webhook-event-type'),
      ).toBe(example.nativeType);
    }
  });

  for (const example of solarisExamples) {
    it(`should map ${example.name} to a stable envelope`, async () => {
      const request = await signSolarisRequest(
        createRawWebhookRequest(example.request),
        {
          secret: testSecret,
        },
      );
      const result = await adapter.receive(request, { receivedAt });
      expect(result.kind).toBe('event');
      if (result.kind === 'event') expect(result.event).toMatchSnapshot();
    });
  }
});
