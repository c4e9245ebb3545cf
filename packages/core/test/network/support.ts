import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { InstanceId } from '@switchboard/shared';
import { createNetworkRoutes, type ManagedNetworkRoutes } from '../../src/network/network-routes.js';
import { openSettingsStore } from '../../src/store/open-settings-store.js';
import type { SecretStore } from '../../src/store/secret-store.js';
import type { NetworkSettings, PlatformNetworkSettings } from '../../src/store/settings-schema.js';
import type { SettingsStore } from '../../src/store/settings-store.js';

/** Servers, proxies and routes a test started, closed after it. */
export function useClosers(): (...closers: (() => Promise<void>)[]) => void {
  const all: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(all.splice(0).map((close) => close()));
  });
  return (...closers) => void all.push(...closers);
}

export interface RouteBench {
  settings: SettingsStore;
  routes: ManagedNetworkRoutes;
  setProxy(proxy: NetworkSettings['proxy']): void;
  /** Saves a connection for `instanceId` with these network settings, as the platform panel would. */
  setPlatform(instanceId: InstanceId, network: PlatformNetworkSettings): void;
  /** Writes PEM text to a file in the test's folder and gives its path. */
  caFile(name: string, pem: string): Promise<string>;
}

/** Routes over a real settings file in `dir`, a given keychain and environment. */
export function routeBench(dir: string, secrets: SecretStore, env: NodeJS.ProcessEnv): RouteBench {
  const { store: settings } = openSettingsStore(dir);
  const routes = createNetworkRoutes({ settings, secrets, env });
  return {
    settings,
    routes,
    setProxy(proxy) {
      const current = settings.read();
      settings.write({ ...current, network: { ...current.network, proxy } });
    },
    setPlatform(instanceId, network) {
      const current = settings.read();
      settings.write({ ...current, network: { ...current.network, platforms: { ...current.network.platforms, [instanceId]: network } } });
    },
    async caFile(name, pem) {
      const path = join(dir, name);
      await writeFile(path, pem);
      return path;
    },
  };
}

/** The route's fetch for `instanceId`, failing the test with the route's sentence when there is none. */
export async function routeOf(routes: ManagedNetworkRoutes, instanceId: InstanceId | null) {
  const route = await routes.routeFor(instanceId);
  if (!route.ok) throw new Error(`no route: ${route.error.message}`);
  return route.value;
}
