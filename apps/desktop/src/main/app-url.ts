function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Whether `candidate` is a page of the app itself. For the built renderer
 * that is the one `index.html` (any query or #route); `file:` URLs share the
 * opaque origin "null", so comparing origins would admit every local file.
 * For the dev server it is anything on the server's origin.
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  const target = parseUrl(candidate);
  const app = parseUrl(appUrl);
  if (target === null || app === null) return false;
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  return target.origin === app.origin;
}

export function isWebUrl(value: string): boolean {
  const url = parseUrl(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
}
