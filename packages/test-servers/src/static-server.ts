import { startHttpServer } from './http-server.js';
import { sendRaw } from './respond.js';
import type { RunningServer } from './types.js';

export interface StaticRoute {
  status?: number;
  contentType: string;
  body: string | Buffer;
  /** Extra response headers, e.g. a `location` or a `retry-after`. */
  headers?: Record<string, string>;
}

/**
 * Serves fixed bodies by path (any method), e.g. the public metadata map, or stands in as
 * "another origin" whose `requests` show whether an Authorization header leaked to it.
 * A key with a query string ("/x?y=1") matches only that exact request; otherwise the path alone matches.
 */
export function startStaticServer(routes: Record<string, StaticRoute>): Promise<RunningServer> {
  return startHttpServer(({ req, res, pathname }) => {
    const route = routes[req.url ?? '/'] ?? routes[pathname];
    if (!route) return sendRaw(res, 404, 'text/plain; charset=utf-8', 'Not Found');
    sendRaw(res, route.status ?? 200, route.contentType, route.body, route.headers);
  });
}
