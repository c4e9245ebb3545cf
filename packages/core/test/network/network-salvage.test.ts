import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../src/store/open-settings-store.js';
import { SETTINGS_SCHEMA_VERSION } from '../../src/store/settings-schema.js';
import { settingsFile } from '../support/settings-folder.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const platformNetwork = { caFile: '/etc/ssl/corp.pem', headers: [{ name: 'X-Team', secret: false, value: 'ds' }] };
const litellm = { url: 'http://litellm.corp:4000', selectedModel: 'gpt-4o' };
const proxy = { mode: 'url', url: 'http://proxy.corp:3128', username: 'ann' };
const good = { schemaVersion: SETTINGS_SCHEMA_VERSION, platforms: { litellm }, network: { proxy, platforms: { litellm: platformNetwork } }, keychain: { timeoutMs: 9000 } };
/** The file with LiteLLM's network entry (and any others) replaced. */
const withPlatforms = (platforms: unknown) => ({ ...good, network: { proxy, platforms } });

/** A hand edit that breaks one network setting: what must go, and what still reads. */
const CASES = [
  {
    name: 'a proxy mode that is not one of the three costs the mode alone: the URL and user name stay',
    file: { ...good, network: { ...good.network, proxy: { ...proxy, mode: 'socks' } } },
    dropped: 'network.proxy.mode',
    proxy: { ...proxy, mode: 'environment' },
    platformNetwork,
  },
  {
    name: 'a network section that is a string falls back to the environment proxy and no platform settings',
    file: { ...good, network: 'corp' },
    dropped: 'network',
    proxy: { mode: 'environment', url: null, username: null },
    platformNetwork: undefined,
  },
  {
    name: 'a proxy that is not an object costs the proxy, not the platforms\' CA files and headers',
    file: { ...good, network: { ...good.network, proxy: 'http://proxy.corp:3128' } },
    dropped: 'network.proxy',
    proxy: { mode: 'environment', url: null, username: null },
    platformNetwork,
  },
  {
    name: "a platform's headers that are not a list cost the headers, not its CA file or the connection",
    file: withPlatforms({ litellm: { caFile: platformNetwork.caFile, headers: 'X-Team: ds' } }),
    dropped: 'network.platforms.litellm.headers',
    proxy,
    platformNetwork: { caFile: platformNetwork.caFile, headers: [] },
  },
  {
    name: 'one broken header is dropped alone; its neighbours stay',
    file: withPlatforms({ litellm: { ...platformNetwork, headers: [...platformNetwork.headers, { name: 7, secret: 'yes' }, { name: 'X-Token', secret: true }] } }),
    dropped: 'network.platforms.litellm.headers[1]',
    proxy,
    platformNetwork: { ...platformNetwork, headers: [...platformNetwork.headers, { name: 'X-Token', secret: true }] },
  },
  {
    name: 'a CA file that is not a path falls back to none; the headers stay',
    file: withPlatforms({ litellm: { ...platformNetwork, caFile: ['/etc/ssl/corp.pem'] } }),
    dropped: 'network.platforms.litellm.caFile',
    proxy,
    platformNetwork: { ...platformNetwork, caFile: null },
  },
  {
    name: "another platform's entry that is not an object costs that entry alone",
    file: withPlatforms({ openrouter: 'corp.pem', litellm: platformNetwork }),
    dropped: 'network.platforms.openrouter',
    proxy,
    platformNetwork,
  },
  {
    name: 'platforms that are not an object cost every platform entry, not the proxy',
    file: withPlatforms(['corp.pem']),
    dropped: 'network.platforms',
    proxy,
    platformNetwork: undefined,
  },
] as const;

describe('a broken network section in settings.json', () => {
  it.each<(typeof CASES)[number]>(CASES)('$name', async ({ file, dropped, proxy: expectedProxy, platformNetwork: expected }) => {
    const dir = await tempDir();
    await writeFile(settingsFile(dir), JSON.stringify(file));
    const { store, notices } = openSettingsStore(dir);
    const settings = store.read();
    expect(settings.network.proxy).toEqual(expectedProxy);
    expect(settings.platforms['litellm']?.url).toBe(litellm.url);
    expect(settings.network.platforms['litellm']).toEqual(expected);
    expect(settings.keychain.timeoutMs).toBe(9000);
    expect(JSON.stringify(notices)).toContain(dropped);
  });
});
