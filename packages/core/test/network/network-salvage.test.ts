import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../src/store/open-settings-store.js';
import { SETTINGS_SCHEMA_VERSION } from '../../src/store/settings-schema.js';
import { settingsFile } from '../support/settings-folder.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const network = { caFile: '/etc/ssl/corp.pem', headers: [{ name: 'X-Team', secret: false, value: 'ds' }] };
const litellm = { url: 'http://litellm.corp:4000', selectedModel: 'gpt-4o', network };
const proxy = { mode: 'url', url: 'http://proxy.corp:3128', username: 'ann' };
const good = { schemaVersion: SETTINGS_SCHEMA_VERSION, platforms: { litellm }, network: { proxy }, keychain: { timeoutMs: 9000 } };

/** A hand edit that breaks one network setting: what must go, and what still reads. */
const CASES = [
  {
    name: 'a proxy mode that is not one of the three costs the mode alone: the URL and user name stay',
    file: { ...good, network: { proxy: { ...proxy, mode: 'socks' } } },
    dropped: 'network.proxy.mode',
    proxy: { ...proxy, mode: 'environment' },
    platformNetwork: network,
  },
  {
    name: 'a network section that is a string falls back to the environment proxy',
    file: { ...good, network: 'corp' },
    dropped: 'network',
    proxy: { mode: 'environment', url: null, username: null },
    platformNetwork: network,
  },
  {
    name: "a platform's headers that are not a list cost the headers, not its CA file or the connection",
    file: { ...good, platforms: { litellm: { ...litellm, network: { caFile: network.caFile, headers: 'X-Team: ds' } } } },
    dropped: 'platforms.litellm.network.headers',
    proxy,
    platformNetwork: { caFile: network.caFile, headers: [] },
  },
  {
    name: 'one broken header is dropped alone; its neighbours stay',
    file: { ...good, platforms: { litellm: { ...litellm, network: { ...network, headers: [...network.headers, { name: 7, secret: 'yes' }, { name: 'X-Token', secret: true }] } } } },
    dropped: 'platforms.litellm.network.headers[1]',
    proxy,
    platformNetwork: { ...network, headers: [...network.headers, { name: 'X-Token', secret: true }] },
  },
  {
    name: 'a CA file that is not a path falls back to none; the headers stay',
    file: { ...good, platforms: { litellm: { ...litellm, network: { ...network, caFile: ['/etc/ssl/corp.pem'] } } } },
    dropped: 'platforms.litellm.network.caFile',
    proxy,
    platformNetwork: { ...network, caFile: null },
  },
] as const;

describe('a broken network section in settings.json', () => {
  it.each(CASES)('$name', async ({ file, dropped, proxy: expectedProxy, platformNetwork }) => {
    const dir = await tempDir();
    await writeFile(settingsFile(dir), JSON.stringify(file));
    const { store, notices } = openSettingsStore(dir);
    const settings = store.read();
    expect(settings.network.proxy).toEqual(expectedProxy);
    expect(settings.platforms['litellm']?.url).toBe(litellm.url);
    expect(settings.platforms['litellm']?.network).toEqual(platformNetwork);
    expect(settings.keychain.timeoutMs).toBe(9000);
    expect(JSON.stringify(notices)).toContain(dropped);
  });
});
