/*
 * The page's Content-Security-Policy, declared once for both hosts: Electron's
 * main process sends it as a header, and so does the browser host; the
 * renderer's build writes it into index.html's <meta> (apps/desktop/vite). It lives
 * here because `shared` is the one package both may import under the layering
 * (main must not reach into the browser host, nor the host into main), and it
 * is a pure string, safe anywhere.
 */

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

const serialize = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

const policyDirectives = (devServerUrl: string | undefined): Directives =>
  devServerUrl === undefined ? productionDirectives : devDirectives(devServerUrl);

/** The page's policy: strict for the build, loosened only as far as the dev server needs. */
export function contentSecurityPolicy(devServerUrl?: string): string {
  return serialize(policyDirectives(devServerUrl));
}

// A policy in a <meta> element cannot carry these (CSP 3): the browser ignores them there and warns in the console.
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * The same policy as the page's own `<meta>` carries it, generated into index.html at build time: it holds
 * wherever the page is opened from (a file, a host that sends no header), and the header adds the rest.
 */
export function metaContentSecurityPolicy(devServerUrl?: string): string {
  return serialize(Object.fromEntries(Object.entries(policyDirectives(devServerUrl)).filter(([name]) => !HEADER_ONLY.has(name))));
}
