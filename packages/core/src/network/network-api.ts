import { type InstanceId, type PlatformNetworkView, type ProxySettingsView, type SwitchboardApi } from '@switchboard/shared';
import { guard } from '../api/guard.js';
import { classifyKeychainFailure } from '../store/keychain-errors.js';
import type { RoutedServices } from '../api/services.js';
import { readCaFile as readCaFileFromDisk, type ReadCaFile } from './ca-file.js';
import { maskedEnvironment } from './env-proxy.js';
import { headerAccount, PROXY_PASSWORD_ACCOUNT } from './keychain-accounts.js';
import { checkHeaders } from './platform-network-input.js';
import { checkProxyInput } from './proxy-input.js';

type NetworkChannels = Pick<SwitchboardApi, 'network:get-proxy' | 'network:set-proxy' | 'network:get-platform' | 'network:set-platform' | 'network:read-ca-file'>;

/** Whether the keychain holds a value; a keychain that does not answer counts as "none", since a view must still be shown. */
async function has(services: RoutedServices, account: string): Promise<boolean> {
  try {
    return (await services.secrets.get(account)) !== null;
  } catch {
    return false;
  }
}

/** A keychain write, its failure turned into the keychain's own sentence (locked, denied, not there). */
async function saving(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    throw classifyKeychainFailure(error, 'save');
  }
}

/**
 * The network settings' channels (issue #14): the outgoing proxy, and a
 * platform's CA file and custom headers. Secrets (the proxy's password, a
 * secret header's value) go to the keychain first and never come back; the
 * settings file is written only once every check has passed.
 */
export function createNetworkApi(services: RoutedServices, readCaFile: ReadCaFile = readCaFileFromDisk): NetworkChannels {
  const proxyView = async (): Promise<ProxySettingsView> => {
    const { mode, url, username } = services.settings.read().network.proxy;
    return { mode, url, username, hasPassword: await has(services, PROXY_PASSWORD_ACCOUNT), environment: maskedEnvironment(services.env) };
  };

  const platformView = async (instanceId: InstanceId): Promise<PlatformNetworkView> => {
    const network = services.settings.read().network.platforms[instanceId];
    const caFile = network?.caFile ?? null;
    const contents = caFile === null ? null : await readCaFile(caFile);
    const headers = await Promise.all(
      (network?.headers ?? []).map(async (header) =>
        header.secret
          ? { name: header.name, secret: true, value: null, hasValue: await has(services, headerAccount(instanceId, header.name)) }
          : { name: header.name, secret: false, value: header.value ?? '', hasValue: true },
      ),
    );
    return {
      instanceId,
      caFile,
      caCertificates: contents?.ok === true ? contents.value.certificates : null,
      caProblem: contents?.ok === false ? contents.error.message : null,
      headers,
    };
  };

  return {
    'network:get-proxy': proxyView,

    'network:set-proxy': async (input) => {
      const checked = checkProxyInput(input);
      if (!checked.ok) return checked;
      const { mode, url, username, passwordFromUrl } = checked.value;
      return guard(async () => {
        // The keychain goes first: if it fails, the settings file is left exactly as it was.
        const typed = input.password.mode === 'provided' ? input.password.value : passwordFromUrl;
        if (username === null || input.password.mode === 'none') await saving(() => services.secrets.delete(PROXY_PASSWORD_ACCOUNT));
        else if (typed !== null) await saving(() => services.secrets.set(PROXY_PASSWORD_ACCOUNT, typed));
        const settings = services.settings.read();
        services.settings.write({ ...settings, network: { ...settings.network, proxy: { mode, url, username } } });
        services.routes.forget();
        return proxyView();
      });
    },

    'network:get-platform': ({ instanceId }) => platformView(instanceId),

    'network:set-platform': async ({ instanceId, caFile, headers }) => {
      // No saved connection needed: the first Test Connection behind a private CA or a gateway needs these before it can pass.
      const before = services.settings.read().network.platforms[instanceId]?.headers ?? [];
      const stored = new Set<string>();
      for (const header of before) if (header.secret && (await has(services, headerAccount(instanceId, header.name)))) stored.add(header.name.toLowerCase());
      const checked = checkHeaders(headers, stored);
      if (!checked.ok) return checked;
      const path = caFile?.trim() || null;
      // A bad path is refused with its sentence before anything is written, so nothing that was set is lost.
      if (path !== null) {
        const contents = await readCaFile(path);
        if (!contents.ok) return contents;
      }
      return guard(async () => {
        for (const { setting, newSecret } of checked.value) {
          if (newSecret !== null) await saving(() => services.secrets.set(headerAccount(instanceId, setting.name), newSecret));
        }
        const keptSecrets = new Set(checked.value.filter(({ setting }) => setting.secret).map(({ setting }) => setting.name.toLowerCase()));
        for (const header of before) {
          if (header.secret && !keptSecrets.has(header.name.toLowerCase())) await saving(() => services.secrets.delete(headerAccount(instanceId, header.name)));
        }
        const settings = services.settings.read();
        const entry = { caFile: path, headers: checked.value.map(({ setting }) => setting) };
        services.settings.write({ ...settings, network: { ...settings.network, platforms: { ...settings.network.platforms, [instanceId]: entry } } });
        services.routes.forget();
        return platformView(instanceId);
      });
    },

    'network:read-ca-file': async ({ path }) => {
      const contents = await readCaFile(path);
      return contents.ok ? { ok: true, value: contents.value.certificates } : contents;
    },
  };
}
