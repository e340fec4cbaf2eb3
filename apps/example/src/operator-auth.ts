import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { RefusalLog } from './refusal-log';

/** Realm of the HTTP Basic challenge (the browser shows it at sign-in). */
export const OPERATOR_REALM = 'finhooks operator';

/** User name of sign-in URLs; any user name is accepted. */
export const OPERATOR_USER = 'operator';

const digest = (value: string): Buffer =>
  createHash('sha256').update(value, 'utf8').digest();

/** Compares in constant time: equal-length digests, never the strings. */
export function createTokenCheck(
  token: string,
): (candidate: string) => boolean {
  const expected = digest(token);
  return candidate => timingSafeEqual(digest(candidate), expected);
}

/** The credential of `Authorization: Bearer …` or `Basic …` (the password). */
export function presentedToken(header: string | undefined): string | undefined {
  if (header === undefined || header.length > 4096) return undefined;
  const space = header.indexOf(' ');
  if (space === -1) return undefined;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return value;
  if (scheme !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : decoded.slice(colon + 1);
}

/** Options of {@link operatorAuth}. */
export interface OperatorAuthOptions {
  token: string;
  refusals: RefusalLog;
  /** Paths (prefixes ending in `/`, or exact) that stay open. */
  open: readonly string[];
}

function refuse(
  c: Context,
  status: 401 | 403 | 415,
  code: string,
  message: string,
) {
  return c.json({ ok: false, error: { code, message } }, status);
}

/**
 * Every route but the open ones requires the operator token, as
 * `Authorization: Bearer <token>` or HTTP Basic with the token as password.
 * Without valid credentials: 401 with a Basic challenge, so a browser asks
 * and then sends them with every request of the page (its live stream too).
 */
export function operatorAuth(options: OperatorAuthOptions): MiddlewareHandler {
  const check = createTokenCheck(options.token);
  const isOpen = (path: string) =>
    options.open.some(open =>
      open.endsWith('/') ? path.startsWith(open) : path === open,
    );
  return async (c, next) => {
    if (isOpen(c.req.path)) return next();
    const token = presentedToken(c.req.header('authorization'));
    if (token === undefined || !check(token)) {
      options.refusals.refused(
        token === undefined
          ? 'operator_unauthenticated'
          : 'operator_token_wrong',
        { method: c.req.method, path: c.req.path },
      );
      c.header(
        'www-authenticate',
        `Basic realm="${OPERATOR_REALM}", charset="UTF-8"`,
      );
      return refuse(
        c,
        401,
        'unauthorized',
        'Operator credentials required: Authorization: Bearer <ADMIN_TOKEN>, or sign in with the token as password.',
      );
    }
    return next();
  };
}

/** Options of {@link sameOriginOnly}. */
export interface SameOriginOptions {
  refusals: RefusalLog;
  /** Origins accepted besides the request's own (`PUBLIC_URL` behind a proxy). */
  origins: readonly string[];
}

/**
 * Mutating routes refuse what a browser sends on behalf of another site:
 * `Sec-Fetch-Site` other than same-origin/none, an `Origin` that is not
 * this service's, and any body type a cross-site form could send without a
 * preflight (only `application/json` is accepted).
 */
export function sameOriginOnly(options: SameOriginOptions): MiddlewareHandler {
  const allowed = new Set(options.origins);
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const type = c.req.header('content-type') ?? '';
    let code: string | undefined;
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      code = 'cross_site_request';
    } else if (origin !== undefined) {
      const host = c.req.header('host');
      const own = new URL(c.req.url).protocol + '//' + (host ?? '');
      if (origin !== own && !allowed.has(origin)) code = 'cross_site_request';
    }
    if (code === undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      code = 'content_type_not_json';
    }
    if (code !== undefined) {
      options.refusals.refused(code, {
        method: c.req.method,
        path: c.req.path,
        origin,
        site,
      });
      return refuse(
        c,
        code === 'content_type_not_json' ? 415 : 403,
        code,
        code === 'content_type_not_json'
          ? 'Send Content-Type: application/json.'
          : 'Cross-site requests are refused.',
      );
    }
    return next();
  };
}
