import type { RawWebhookRequest } from '@finhooks/core';

/** Where the public URL of a callback comes from. */
export interface DinteroPublicUrlOptions {
  publicUrl: URL | undefined;
  trustForwardedHeaders: boolean;
}

function firstValue(header: string | null): string | undefined {
  const first = header?.split(',')[0]?.trim();
  return first === undefined || first === '' ? undefined : first;
}

/**
 * The URL Dintero called, which is what it signed. A configured base URL
 * wins (its path prefix is put before the request's path); forwarding
 * headers count only when the proxy is trusted; otherwise the request's own
 * URL is used. The query always comes from the request.
 */
export function dinteroPublicUrl(
  request: RawWebhookRequest,
  { publicUrl, trustForwardedHeaders }: DinteroPublicUrlOptions,
): URL {
  const own = new URL(request.url);
  if (publicUrl !== undefined) {
    const url = new URL(publicUrl.href);
    url.pathname = `${publicUrl.pathname.replace(/\/+$/, '')}${own.pathname}`;
    url.search = own.search;
    return url;
  }
  if (trustForwardedHeaders) {
    const url = new URL(own.href);
    const protocol = firstValue(request.headers.get('x-forwarded-proto'));
    const host = firstValue(request.headers.get('x-forwarded-host'));
    if (protocol === 'http' || protocol === 'https') {
      url.protocol = `${protocol}:`;
    }
    if (host !== undefined) url.host = host;
    return url;
  }
  return own;
}
