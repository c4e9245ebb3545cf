import type { NetworkSettings } from '../store/settings-schema.js';
import { bypassedByNoProxy, environmentProxy, withoutCredentials } from './env-proxy.js';
import { isLoopbackHost } from './loopback.js';

/** Which proxy the settings choose, with what it needs to be used (a typed proxy's credentials included). */
export type ProxyPlan =
  | { kind: 'none' }
  | { kind: 'url'; uri: string; token: string | null }
  | { kind: 'environment'; httpsProxy: string | null; httpProxy: string | null; noProxy: string | null };

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

export function proxyPlan(settings: NetworkSettings['proxy'], env: NodeJS.ProcessEnv, password: string | null): ProxyPlan {
  if (settings.mode === 'none') return { kind: 'none' };
  if (settings.mode === 'url') {
    // A `url` mode without a URL (a hand edit) sends straight out rather than failing every request.
    if (settings.url === null) return { kind: 'none' };
    const token = settings.username === null ? null : basic(settings.username, password ?? '');
    return { kind: 'url', uri: settings.url, token };
  }
  const { httpsProxy, httpProxy, noProxy } = environmentProxy(env);
  if (httpsProxy === null && httpProxy === null) return { kind: 'none' };
  return { kind: 'environment', httpsProxy, httpProxy, noProxy };
}

/** The proxy a request to `url` goes through under `plan`, as configured (credentials and all); null for a direct one (always for loopback). */
function chosenProxy(plan: ProxyPlan, url: string): string | null {
  const parsed = URL.parse(url);
  if (parsed === null || isLoopbackHost(parsed.hostname)) return null;
  if (plan.kind === 'none') return null;
  if (plan.kind === 'url') return plan.uri;
  if (bypassedByNoProxy(plan.noProxy, parsed)) return null;
  // As undici's EnvHttpProxyAgent: https falls back to HTTP_PROXY when HTTPS_PROXY is not set.
  return parsed.protocol === 'https:' ? (plan.httpsProxy ?? plan.httpProxy) : plan.httpProxy;
}

/** The proxy a request to `url` goes through under `plan`, without credentials; null for a direct one (always for loopback). */
export function proxyForUrl(plan: ProxyPlan, url: string): string | null {
  const chosen = chosenProxy(plan, url);
  return chosen === null ? null : withoutCredentials(chosen);
}

/**
 * The `Proxy-Authorization` a request to `url` carries under `plan`, for a
 * CONNECT of Switchboard's own (Test Connection's `tcp` step): a typed proxy's
 * user name and keychain password, or the credentials in the environment's
 * proxy URL; null when there is no proxy or it needs none.
 */
export function proxyAuthorizationForUrl(plan: ProxyPlan, url: string): string | null {
  const chosen = chosenProxy(plan, url);
  if (chosen === null) return null;
  if (plan.kind === 'url') return plan.token;
  const parsed = URL.parse(chosen);
  if (parsed === null || parsed.username === '') return null;
  return basic(decodeURIComponent(parsed.username), decodeURIComponent(parsed.password));
}
