import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { litellm1810FixturesDir } from '../fixtures.js';

// The pages people copy a proxy's URL from, served byte for byte as 1.81.0 sent them.

const cache = new Map<string, Buffer>();

function fixture(name: string): Buffer {
  let bytes = cache.get(name);
  if (!bytes) cache.set(name, (bytes = readFileSync(join(litellm1810FixturesDir, name))));
  return bytes;
}

/** GET /ui/: the admin UI's Next.js shell. */
export function adminUiPage(): Buffer {
  return fixture('admin-ui.html');
}

/** What Starlette's StaticFiles sent beside the admin page. */
export const ADMIN_UI_HEADERS: Record<string, string> = {
  'accept-ranges': 'bytes',
  etag: '"b9433f88e1efb0d8c37b052fe0ab29fd"',
  'last-modified': 'Sun, 18 Jan 2026 01:26:58 GMT',
};

/** GET / on 1.81.0: Swagger UI with its assets served by the proxy itself. */
export function swaggerRootPage(): Buffer {
  return fixture('swagger-root.html');
}

interface RecordedOpenApi {
  openapi: { body: { info: unknown } };
}

/**
 * /openapi.json: the recording kept its `info` and only counted the 379 paths, so `paths` here lists
 * the routes this server answers.
 */
export function openApiDocument(methodsByPath: Record<string, string>): Record<string, unknown> {
  const recorded = JSON.parse(fixture('responses.json').toString('utf8')) as RecordedOpenApi;
  const paths = Object.fromEntries(Object.entries(methodsByPath).map(([path, method]) => [path, { [method.toLowerCase()]: {} }]));
  return { info: recorded.openapi.body.info, paths };
}
