import { PROXY_PASSWORD_ACCOUNT } from '../network/keychain-accounts.js';
import type { NetworkSettings } from '../store/settings-schema.js';
import type { SecretStore } from '../store/secret-store.js';

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/**
 * The `Proxy-Authorization` the `tcp` step's own CONNECT sends: the route
 * gives the proxy without its credentials, so they are read where the route
 * reads them (the typed user name and the keychain's password, or the
 * environment's proxy address).
 */
export async function proxyAuthorization(settings: NetworkSettings, secrets: SecretStore, env: NodeJS.ProcessEnv, secure: boolean): Promise<string | null> {
  const { mode, username } = settings.proxy;
  if (mode === 'url') {
    if (username === null) return null;
    return basic(username, (await secrets.get(PROXY_PASSWORD_ACCOUNT)) ?? '');
  }
  if (mode !== 'environment') return null;
  const raw = secure ? (env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  const parsed = raw === undefined ? null : URL.parse(raw);
  if (parsed === null || parsed.username === '') return null;
  return basic(decodeURIComponent(parsed.username), decodeURIComponent(parsed.password));
}
