// What Next.js's build checks of an App Router route file, without
// installing Next: its only exports are HTTP methods whose handler takes
// (NextRequest, { params: Promise<…> }) and returns a Response.
// `NextRequest` extends `Request`, so a `Request` handler fits.
import type * as route from '../app/api/webhooks/route';

interface NextRequestLike extends Request {
  readonly nextUrl: URL;
  readonly cookies: unknown;
}
type NextRouteHandler = (
  request: NextRequestLike,
  context: { params: Promise<Record<string, string | string[] | undefined>> },
) => Response | Promise<Response>;
type Method = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export type RouteExports = {
  [K in keyof typeof route]: K extends Method ? NextRouteHandler : never;
};
export const checked: RouteExports = {} as typeof route;
