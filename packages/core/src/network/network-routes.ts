import { fail, type InstanceId, type Result } from '@switchboard/shared';
import { fetch as undiciFetch, type Dispatcher, type RequestInit as UndiciRequestInit } from 'undici';
import type { FetchLike } from '../http/index.js';
import { asNetworkSecretFailure, classifyKeychainFailure } from '../store/keychain-errors.js';
import type { SecretStore } from '../store/secret-store.js';
import type { SettingsStore } from '../store/settings-store.js';
import type { PlatformNetworkSettings } from '../store/settings-schema.js';
import { readCaFile as readCaFileFromDisk, type ReadCaFile } from './ca-file.js';
import { createDispatcherPool } from './dispatchers.js';
import { headerAccount, PROXY_PASSWORD_ACCOUNT } from './keychain-accounts.js';
import { isLoopbackUrl } from './loopback.js';
import type { NetworkRoutes, PlatformRoute } from './network-route.js';
import { proxyAuthorizationForUrl, proxyForUrl, proxyPlan } from './proxy-plan.js';
import { proxyRefusal } from './proxy-refusal.js';

export interface NetworkRoutesOptions {
  settings: SettingsStore;
  /** The redactor's view of the keychain: a secret header or proxy password read here is masked wherever it would appear. */
  secrets: SecretStore;
  /** Where HTTPS_PROXY and friends are read from (the app's environment; a test's own). */
  env: NodeJS.ProcessEnv;
  readCaFile?: ReadCaFile;
  /**
   * A test's own transport (ApiServices.fetch): when given, every request
   * goes through it with the custom headers applied, but no proxy or CA,
   * since those live in the dispatcher only undici's fetch takes.
   */
  transport?: FetchLike;
}

export interface ManagedNetworkRoutes extends NetworkRoutes {
  /** Settings changed through the channels: the next request reads them (and the keychain, and the CA file) again. */
  forget(): void;
  close(): Promise<void>;
}

/** A route is rebuilt at least this often, so a CA file replaced on disk or a keychain edited by hand counts soon. */
const REMEMBER_MS = 60_000;
const APP_SLOT = '(app)';

const keychainFailure = (error: unknown) => {
  const failure = asNetworkSecretFailure(classifyKeychainFailure(error, 'read'));
  return fail(failure.kind, failure.message);
};

/**
 * How every request to a platform leaves the machine, from Settings > Network
 * (the proxy) and the platform's own network settings (CA file, headers).
 * Loopback never goes through a proxy: a local LiteLLM behind a company
 * proxy must still be reachable.
 */
export function createNetworkRoutes(options: NetworkRoutesOptions): ManagedNetworkRoutes {
  const readCa = options.readCaFile ?? readCaFileFromDisk;
  const pool = createDispatcherPool();
  const remembered = new Map<string, { fingerprint: string; at: number; route: PlatformRoute }>();

  const headersOf = async (instanceId: InstanceId, network: PlatformNetworkSettings | undefined): Promise<Result<Record<string, string>>> => {
    const headers: Record<string, string> = {};
    for (const header of network?.headers ?? []) {
      if (!header.secret) {
        headers[header.name] = header.value ?? '';
        continue;
      }
      let value: string | null;
      try {
        value = await options.secrets.get(headerAccount(instanceId, header.name));
      } catch (error) {
        return keychainFailure(error);
      }
      if (value === null) {
        return fail('config-invalid', `The secret value of the ${header.name} header is not in the keychain any more. Type it again in this platform's network settings.`);
      }
      headers[header.name] = value;
    }
    return { ok: true, value: headers };
  };

  const build = async (slot: string, instanceId: InstanceId | null): Promise<Result<PlatformRoute>> => {
    const { network } = options.settings.read();
    const platformNetwork = instanceId === null ? undefined : network.platforms[instanceId];
    let password: string | null = null;
    if (network.proxy.mode === 'url' && network.proxy.username !== null) {
      try {
        password = await options.secrets.get(PROXY_PASSWORD_ACCOUNT);
      } catch (error) {
        return keychainFailure(error);
      }
    }
    const plan = proxyPlan(network.proxy, options.env, password);
    let extraCa: string[] | null = null;
    if (platformNetwork?.caFile) {
      const contents = await readCa(platformNetwork.caFile);
      if (!contents.ok) {
        return fail('config-invalid', `The CA file chosen in this platform's network settings cannot be used: ${contents.error.message}`);
      }
      extraCa = contents.value.pems;
    }
    const headers = instanceId === null ? ({ ok: true, value: {} } as const) : await headersOf(instanceId, platformNetwork);
    if (!headers.ok) return headers;
    const proxied = pool.take(`${slot}:proxy`, { plan, extraCa });
    const direct = pool.take(`${slot}:direct`, { plan: { kind: 'none' }, extraCa });
    const custom = headers.value;

    const fetch: FetchLike = (url, init) => {
      // The caller's headers win: a custom header never replaces what Switchboard sets for the request.
      const merged = new Headers(init.headers);
      for (const [name, value] of Object.entries(custom)) if (!merged.has(name)) merged.set(name, value);
      const headers: Record<string, string> = {};
      merged.forEach((value, name) => (headers[name] = value));
      if (options.transport !== undefined) return options.transport(url, { ...init, headers });
      const dispatcher: Dispatcher = isLoopbackUrl(url) ? direct : proxied;
      // undici's own fetch, since only it takes this undici's dispatcher; its Response is the web one Node's fetch gives.
      const answer = undiciFetch(url, { ...(init as UndiciRequestInit), headers, dispatcher }) as unknown as Promise<Response>;
      return answer.catch((error: unknown) => {
        const proxy = proxyForUrl(plan, url);
        throw (proxy === null ? null : proxyRefusal(error, proxy, url)) ?? error;
      });
    };
    return { ok: true, value: { fetch, proxyFor: (url) => proxyForUrl(plan, url), proxyAuthorizationFor: (url) => proxyAuthorizationForUrl(plan, url), extraCa, headers: custom } };
  };

  return {
    async routeFor(instanceId) {
      const slot = instanceId ?? APP_SLOT;
      const { network } = options.settings.read();
      const fingerprint = JSON.stringify([network.proxy, instanceId === null ? null : (network.platforms[instanceId] ?? null)]);
      const known = remembered.get(slot);
      if (known !== undefined && known.fingerprint === fingerprint && Date.now() - known.at < REMEMBER_MS) return { ok: true, value: known.route };
      const built = await build(slot, instanceId);
      if (built.ok) remembered.set(slot, { fingerprint, at: Date.now(), route: built.value });
      else remembered.delete(slot);
      return built;
    },
    forget() {
      remembered.clear();
    },
    close() {
      remembered.clear();
      return pool.close();
    },
  };
}
