import { MissingHeaderError } from '../../errors/missing-header-error';
import type { RawWebhookRequest } from './raw-webhook-request';

/**
 * Reads a header the provider always sends; throws `MissingHeaderError`
 * (401 for credentials, 400 otherwise) when it is absent or blank.
 */
export function requireHeader(
  request: RawWebhookRequest,
  name: string,
  { provider, httpStatus = 401 }: { provider: string; httpStatus?: 400 | 401 },
): string {
  const value = request.headers.get(name);
  if (value === null || value.trim() === '') {
    throw new MissingHeaderError({
      provider,
      header: name,
      httpStatus,
      message: `The "${name}" header is missing. ${provider} always sends it; check that no proxy strips it.`,
    });
  }
  return value.trim();
}

/** The last non-empty path segment of the request URL, decoded. */
export function lastPathSegment(request: RawWebhookRequest): string {
  const segments = new URL(request.url).pathname
    .split('/')
    .filter(part => part !== '');
  const last = segments.at(-1);
  return last === undefined ? '' : decodeURIComponent(last);
}
