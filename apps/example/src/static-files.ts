import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** `public/` next to `src/` and `dist/`. */
export const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Serves the page from memory: a handful of small files read once at
 * start, with an ETag so reloads cost a 304.
 */
export function mountStaticFiles(app: Hono, directory = PUBLIC_DIR): void {
  for (const name of readdirSync(directory)) {
    const type = contentTypes[extname(name)];
    if (type === undefined) continue;
    const body = readFileSync(join(directory, name));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const path = name === 'index.html' ? '/' : `/${name}`;
    app.get(path, c => {
      const headers = {
        ...securityHeaders,
        'content-type': type,
        'cache-control': 'no-cache',
        etag,
      };
      if (c.req.header('if-none-match') === etag) {
        return c.body(null, 304, headers);
      }
      return c.body(body, 200, headers);
    });
  }
}
