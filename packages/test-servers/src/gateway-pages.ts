import { startHttpServer } from './http-server.js';
import { sendRaw } from './respond.js';
import type { RunningServer } from './types.js';

/**
 * What answers in front of (or instead of) an LLM proxy on a company
 * network, for every path: a sign-in gateway that redirects to its login
 * host, one that shows its sign-in page, or Open WebUI's chat app.
 */
export type GatewayFront =
  | 'oauth2-proxy-redirect'
  | 'oauth2-proxy-page'
  | 'cloudflare-access-redirect'
  | 'cloudflare-access-page'
  | 'authelia-redirect'
  | 'authelia-page'
  | 'open-webui';

const HTML = 'text/html; charset=utf-8';

// The marks each product's real page carries: its title, its asset paths, its form's target.
const PAGES: Record<'oauth2-proxy' | 'cloudflare-access' | 'authelia' | 'open-webui', string> = {
  'oauth2-proxy': `<!DOCTYPE html><html lang="en"><head><title>Sign In</title><link rel="stylesheet" href="/oauth2/static/css/bulma.min.css"></head><body><section class="hero"><form method="GET" action="/oauth2/start"><input type="hidden" name="rd" value="/"><button type="submit">Sign in with Google</button></form><footer>Secured with <a href="https://github.com/oauth2-proxy/oauth2-proxy">OAuth2 Proxy</a> version 7.6.0</footer></section></body></html>`,
  'cloudflare-access': `<!DOCTYPE html><html><head><title>Sign in ・ Cloudflare Access</title><meta name="robots" content="noindex"></head><body><div id="root" data-auth-domain="corp.cloudflareaccess.com"></div><script src="/cdn-cgi/access/bundle.js"></script></body></html>`,
  authelia: `<!DOCTYPE html><html lang="en"><head><title>Login - Authelia</title><base href="/"><meta property="csp-nonce" content="x"></head><body data-basepath="" data-rememberme="true"><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script src="/static/js/index.js"></script></body></html>`,
  'open-webui': `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="/static/favicon.png" /><title>Open WebUI</title></head><body data-sveltekit-preload-data="hover"><div style="display: contents"></div></body></html>`,
};

/** Where each redirecting gateway sends a request that has no session cookie. */
function loginLocation(front: GatewayFront, path: string): string | null {
  const back = encodeURIComponent(`https://llm.corp.test${path}`);
  if (front === 'oauth2-proxy-redirect') return `https://llm.corp.test/oauth2/start?rd=${encodeURIComponent(path)}`;
  if (front === 'cloudflare-access-redirect') return `https://corp.cloudflareaccess.com/cdn-cgi/access/login/llm.corp.test?redirect_url=${back}`;
  if (front === 'authelia-redirect') return `https://auth.corp.test/?rd=${back}`;
  return null;
}

function pageOf(front: GatewayFront): { status: number; body: string } {
  if (front === 'open-webui') return { status: 200, body: PAGES['open-webui'] };
  if (front.startsWith('oauth2-proxy')) return { status: 403, body: PAGES['oauth2-proxy'] };
  if (front.startsWith('cloudflare-access')) return { status: 200, body: PAGES['cloudflare-access'] };
  return { status: 401, body: PAGES.authelia };
}

/** A loopback server that answers every request as `front` does to a client without a session. */
export function startGatewayFront(front: GatewayFront): Promise<RunningServer> {
  return startHttpServer(({ res, req }) => {
    const location = loginLocation(front, req.url ?? '/');
    if (location !== null) return sendRaw(res, 302, HTML, '', { location });
    const { status, body } = pageOf(front);
    sendRaw(res, status, HTML, body);
  });
}
