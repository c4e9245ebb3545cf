/** A request target the host can route: a decoded path, and whether it names the API. */
export type RequestTarget = { ok: true; path: string; api: boolean } | { ok: false; api: boolean; error: string };

const looksLikeApi = (target: string) => target.startsWith('/api/');

/**
 * Reads a raw request target (`request.url`) without ever throwing. Only
 * origin-form (`/path?query`) is served: absolute-form (`http://host/path`)
 * and `*` are what proxies are sent, and honouring them would route around
 * the Host check. A path whose percent-escapes do not decode, or that decodes
 * to a NUL, is refused rather than guessed at.
 */
export function parseRequestTarget(target: string | undefined): RequestTarget {
  const raw = target ?? '';
  const api = looksLikeApi(raw);
  if (!raw.startsWith('/') || raw.startsWith('//')) {
    return { ok: false, api, error: 'The request target must be a path such as /api/<channel>, not a full address.' };
  }
  const end = raw.search(/[?#]/);
  const encoded = end === -1 ? raw : raw.slice(0, end);
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return { ok: false, api, error: 'The request path has a percent-escape that does not decode.' };
  }
  if (path.includes('\0')) return { ok: false, api, error: 'The request path contains a NUL character.' };
  return { ok: true, path, api: path.startsWith('/api/') };
}
