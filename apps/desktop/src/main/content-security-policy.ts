type Directives = Record<string, string[]>;

const productionDirectives: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

function devDirectives(devServerUrl: string): Directives {
  const server = new URL(devServerUrl);
  const socket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  return {
    ...productionDirectives,
    // Vite's HMR socket, and the inline React Refresh preamble Vite injects
    // into index.html; neither exists in a build.
    'script-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", socket],
  };
}

/** The page's policy: strict for the build, loosened only as far as the dev server needs. */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const directives = devServerUrl === undefined ? productionDirectives : devDirectives(devServerUrl);
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Adds the policy to response headers. A policy already present is kept:
 * browsers enforce every policy they get, so adding can only tighten.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result = { ...headers };
  const existing = Object.keys(result).find((name) => name.toLowerCase() === 'content-security-policy');
  if (existing === undefined) result['Content-Security-Policy'] = [policy];
  else result[existing] = [...(result[existing] ?? []), policy];
  return result;
}
