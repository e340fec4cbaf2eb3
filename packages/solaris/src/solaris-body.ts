import { safeParseJson, type RawWebhookRequest } from '@finhooks/core';
import { headerOnlyEventTypes } from './solaris-header-only-events';
import { eventTypeHeader, headerValue } from './solaris-headers';

function isBlank(body: Uint8Array): boolean {
  // Space, tab, CR, LF only.
  return body.every(
    byte => byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a,
  );
}

/**
 * Parses a verified body. Header-only events (`PERSON_CHANGED`...) may
 * arrive with no body at all: that is read as `{}`. Every other event type
 * still needs JSON (an empty body is `InvalidJsonError`, 400).
 */
export function parseSolarisBody(request: RawWebhookRequest): unknown {
  const eventType = headerValue(request, eventTypeHeader) ?? '';
  if (headerOnlyEventTypes.has(eventType) && isBlank(request.body)) return {};
  return safeParseJson(request.body, { provider: 'solaris' });
}
