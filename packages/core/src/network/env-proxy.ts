/** The proxy variables as every tool reads them: lower case first, as curl and undici do. */
export interface EnvironmentProxy {
  httpsProxy: string | null;
  httpProxy: string | null;
  noProxy: string | null;
}

const pick = (env: NodeJS.ProcessEnv, name: string): string | null => {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? null : value.trim();
};

export function environmentProxy(env: NodeJS.ProcessEnv): EnvironmentProxy {
  return { httpsProxy: pick(env, 'https_proxy'), httpProxy: pick(env, 'http_proxy'), noProxy: pick(env, 'no_proxy') };
}

/** A proxy URL as it may be shown or logged: without user name or password. */
export function withoutCredentials(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null) return url.replace(/\/\/[^@/]*@/, '//');
  parsed.username = '';
  parsed.password = '';
  return parsed.href.replace(/\/$/, '');
}

/** For the Settings page: the environment's values with any credentials masked. */
export function maskedEnvironment(env: NodeJS.ProcessEnv): EnvironmentProxy {
  const { httpsProxy, httpProxy, noProxy } = environmentProxy(env);
  return { httpsProxy: httpsProxy && withoutCredentials(httpsProxy), httpProxy: httpProxy && withoutCredentials(httpProxy), noProxy };
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** NO_PROXY as undici's EnvHttpProxyAgent reads it, so `proxyFor` says what the agent does: `*`, names (a leading dot or `*.` optional), `name:port`. */
export function bypassedByNoProxy(noProxy: string | null, url: URL): boolean {
  if (noProxy === null) return false;
  if (noProxy === '*') return true;
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
  for (const entry of noProxy.split(/[,\s]/)) {
    if (!entry) continue;
    const parsed = /^(.+):(\d+)$/.exec(entry);
    const name = (parsed?.[1] ?? entry).replace(/^\*?\./, '').toLowerCase();
    const entryPort = parsed?.[2] === undefined ? 0 : Number.parseInt(parsed[2], 10);
    if (entryPort !== 0 && entryPort !== port) continue;
    if (hostname === name || hostname.endsWith(`.${name}`)) return true;
  }
  return false;
}
