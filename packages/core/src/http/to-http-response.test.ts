import { describe, expect, it } from 'vitest';
import type { WebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import { RouteNotFoundError } from '../errors/route-not-found-error';
import { errorToHttpResponse, outcomeToHttpResponse } from './to-http-response';

const event = { id: 'evt_1', provider: 'p' } as WebhookEventV1;

describe('HTTP answers', () => {
  it('should give every answer its own headers object', () => {
    // @hono/node-server adds content-length to the init headers it is given.
    const first = outcomeToHttpResponse({
      status: 'accepted',
      event,
      invalid: false,
    });
    first.headers['content-length'] = '30';
    const handshake = outcomeToHttpResponse({
      status: 'handshake',
      handshake: {
        provider: 'p',
        nativeType: 'ping',
        response: { status: 200 },
      },
    });
    handshake.headers['content-length'] = '30';
    const error = errorToHttpResponse(new RouteNotFoundError({ message: 'm' }));
    error.headers['content-length'] = '30';
    for (const answer of [
      outcomeToHttpResponse({ status: 'duplicate', event }),
      outcomeToHttpResponse({
        status: 'handshake',
        handshake: {
          provider: 'p',
          nativeType: 'ping',
          response: { status: 200 },
        },
      }),
      errorToHttpResponse(new Error('x')),
    ]) {
      expect(answer.headers['content-length']).toBeUndefined();
    }
  });

  it('should map unknown errors to 500 without details', () => {
    const answer = errorToHttpResponse(new Error('secret internals'));
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain('secret internals');
  });
});
