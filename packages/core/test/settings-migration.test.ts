import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateSettings } from '../src/store/migrations/migrate-settings.js';
import { openSettingsStore } from '../src/store/open-settings-store.js';
import { SETTINGS_SCHEMA_VERSION } from '../src/store/settings-schema.js';
import { readJson, settingsFile } from './support/settings-folder.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const EMPTY_PLAYGROUND = { drafts: {}, firstByteTimeoutMs: 60_000, stallTimeoutMs: 30_000 };
const NO_AGENTS = {};
// Version 5's network: the proxy from the environment, as Node's fetch never followed HTTPS_PROXY before and every other tool does;
// no platform's CA file or headers yet.
const ENVIRONMENT_PROXY = { proxy: { mode: 'environment', url: null, username: null }, platforms: {} };
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', 'settings', name);

async function openFixture(name: string) {
  const dir = await tempDir();
  const text = await readFile(fixture(name), 'utf8');
  await writeFile(settingsFile(dir), text);
  return { dir, text, original: JSON.parse(text) as Record<string, unknown>, opened: openSettingsStore(dir) };
}

describe('settings migrations', () => {
  it('migrate a version-0 file (LiteLLM, OpenRouter, two custom endpoints with limits, catalog, opencode) with nothing lost', async () => {
    const { dir, original, opened } = await openFixture('v0-full.json');
    // Every value the old file held reads back unchanged; version 1 adds the keychain's deadline, version 2 the Responses-only switch,
    // off, version 3 the playground's drafts, none yet, and its deadlines at their defaults, version 4 the agents' choices, none yet.
    const opencode = { ...(original['opencode'] as object), writeResponsesOnly: false };
    const added = { keychain: { timeoutMs: 4000 }, opencode, playground: EMPTY_PLAYGROUND, agents: NO_AGENTS, network: ENVIRONMENT_PROXY };
    expect(opened.store.read()).toEqual({ ...original, ...added });
    expect(opened.notices).toEqual([]);
    expect(await readJson(settingsFile(dir))).toEqual({ schemaVersion: 5, ...original, ...added });
    expect((await readdir(dir)).filter((name) => name !== 'settings.json')).toEqual([]);
  });

  it('migrate a version-1 file with nothing lost: only the Responses-only switch is added, off, and the playground\'s drafts, none yet', async () => {
    const { dir, original, opened } = await openFixture('v1-full.json');
    const { schemaVersion: _version, ...settings } = original;
    const migrated = { ...settings, opencode: { ...(settings['opencode'] as object), writeResponsesOnly: false }, playground: EMPTY_PLAYGROUND, agents: NO_AGENTS, network: ENVIRONMENT_PROXY };
    expect(opened.store.read()).toEqual(migrated);
    expect(opened.store.read().keychain.timeoutMs).toBe(9000);
    expect(opened.notices).toEqual([]);
    expect(await readJson(settingsFile(dir))).toEqual({ schemaVersion: 5, ...migrated });
    expect((await readdir(dir)).filter((name) => name !== 'settings.json')).toEqual([]);
  });

  it('migrate a version-2 file with nothing lost: only the playground\'s drafts are added, none yet', async () => {
    const { dir, original, opened } = await openFixture('v2-full.json');
    const { schemaVersion: _version, ...settings } = original;
    const migrated = { ...settings, playground: EMPTY_PLAYGROUND, agents: NO_AGENTS, network: ENVIRONMENT_PROXY };
    expect(opened.store.read()).toEqual(migrated);
    expect(opened.store.read().opencode.writeResponsesOnly).toBe(true);
    expect(opened.store.read().platforms['custom:lab-vllm']?.modelLimits).toEqual({
      'Qwen/Qwen3-Coder-30B-A3B-Instruct': { contextLength: 262144, maxOutputTokens: 65536 },
    });
    expect(opened.notices).toEqual([]);
    expect(await readJson(settingsFile(dir))).toEqual({ schemaVersion: 5, ...migrated });
    expect((await readdir(dir)).filter((name) => name !== 'settings.json')).toEqual([]);
  });

  it('migrate a version-3 file with nothing lost: only the agents\' choices are added, none yet', async () => {
    const { dir, original, opened } = await openFixture('v3-full.json');
    const { schemaVersion: _version, ...settings } = original;
    const migrated = { ...settings, agents: NO_AGENTS, network: ENVIRONMENT_PROXY };
    expect(opened.store.read()).toEqual(migrated);
    expect(opened.store.read().opencode).toEqual(settings['opencode']);
    expect(Object.keys(opened.store.read().playground.drafts)).toEqual(['litellm\u0000claude-sonnet-4']);
    expect(opened.notices).toEqual([]);
    expect(await readJson(settingsFile(dir))).toEqual({ schemaVersion: 5, ...migrated });
    expect((await readdir(dir)).filter((name) => name !== 'settings.json')).toEqual([]);
  });

  it('migrate a version-4 file with nothing lost: only the network section is added, the proxy from the environment', async () => {
    const { dir, original, opened } = await openFixture('v4-full.json');
    const { schemaVersion: _version, ...settings } = original;
    const migrated = { ...settings, network: ENVIRONMENT_PROXY };
    expect(opened.store.read()).toEqual(migrated);
    expect(Object.keys(opened.store.read().playground.drafts)).toEqual(['litellm\u0000claude-sonnet-4']);
    expect(opened.store.read().agents['kilo']).toEqual({ configPath: '~/.config/kilo/kilo.jsonc', sync: true });
    // Every connection reads back as it was, with no network settings of its own: absent means the system's CAs and no headers.
    expect(opened.store.read().platforms).toEqual(settings['platforms']);
    expect(opened.store.read().network.platforms).toEqual({});
    expect(opened.notices).toEqual([]);
    expect(await readJson(settingsFile(dir))).toEqual({ schemaVersion: 5, ...migrated });
    expect((await readdir(dir)).filter((name) => name !== 'settings.json')).toEqual([]);
  });

  it('leave a version-4 network section a hand edit put there as it is', async () => {
    const network = { proxy: { mode: 'none', url: null, username: null } };
    expect(migrateSettings({ schemaVersion: 4, network })).toMatchObject({ kind: 'current', document: { network } });
    // Read through the store, that hand edit gains the platforms' network settings, none yet.
    const dir = await tempDir();
    await writeFile(settingsFile(dir), JSON.stringify({ schemaVersion: 4, network }));
    expect(openSettingsStore(dir).store.read().network).toEqual({ ...network, platforms: {} });
    expect(migrateSettings({ schemaVersion: 4, network: 'broken' })).toMatchObject({ kind: 'current', document: { network: 'broken' } });
  });

  it('leave a current file exactly as it is, byte for byte, its drafts, agents and network read back', async () => {
    const { dir, text, original, opened } = await openFixture('v5-full.json');
    const { schemaVersion: _version, ...settings } = original;
    expect(opened.store.read()).toEqual(settings);
    expect(Object.keys(opened.store.read().playground.drafts)).toEqual(['litellm\u0000claude-sonnet-4']);
    expect(opened.store.read().playground).toMatchObject({ firstByteTimeoutMs: 90_000, stallTimeoutMs: 45_000 });
    expect(opened.store.read().agents['kilo']).toEqual({ configPath: '~/.config/kilo/kilo.jsonc', sync: true });
    expect(opened.store.read().network.proxy).toEqual({ mode: 'url', url: 'http://proxy.corp.example:3128', username: 'ann' });
    expect(opened.store.read().network.platforms['litellm']?.headers.map((header) => header.name)).toEqual(['X-Team', 'X-Gateway-Token']);
    expect(opened.store.read().network.platforms['litellm']?.caFile).toBe('/etc/ssl/corp/root-ca.pem');
    expect(await readFile(settingsFile(dir), 'utf8')).toBe(text);
  });

  it('migrate a migrated file no further: opening twice gives the same file', async () => {
    const { dir } = await openFixture('v0-full.json');
    const once = await readFile(settingsFile(dir), 'utf8');
    openSettingsStore(dir);
    expect(await readFile(settingsFile(dir), 'utf8')).toBe(once);
  });

  it.each([
    [{ schemaVersion: 6 }, { kind: 'newer', version: 6 }],
    [{ schemaVersion: '1' }, { kind: 'bad-version', value: '1' }],
    [{ schemaVersion: 1.5 }, { kind: 'bad-version', value: 1.5 }],
    [{ schemaVersion: -1 }, { kind: 'bad-version', value: -1 }],
  ])('tell a newer or a nonsense version from one they can migrate: %j', (document, outcome) => {
    expect(migrateSettings(document)).toEqual(outcome);
  });

  it('leave an opencode section that is not an object for the salvage to judge, and keep a switch already there', () => {
    expect(migrateSettings({ schemaVersion: 1, opencode: [] })).toMatchObject({ kind: 'current', document: { opencode: [] } });
    expect(migrateSettings({ schemaVersion: 1, opencode: { writeResponsesOnly: true } })).toMatchObject({
      kind: 'current',
      document: { opencode: { writeResponsesOnly: true } },
    });
  });

  it('leave a playground section that is not an object for the salvage to judge, and keep drafts already there', () => {
    expect(migrateSettings({ schemaVersion: 2, playground: 'broken' })).toMatchObject({ kind: 'current', document: { playground: 'broken' } });
    const drafts = { 'litellm\u0000m': { savedAt: 1 } };
    expect(migrateSettings({ schemaVersion: 2, playground: { drafts } })).toMatchObject({ kind: 'current', document: { playground: { drafts } } });
  });

  it('leave an agents section that is not an object for the salvage to judge, and keep choices already there', () => {
    expect(migrateSettings({ schemaVersion: 3, agents: 'broken' })).toMatchObject({ kind: 'current', document: { agents: 'broken' } });
    const agents = { kilo: { configPath: '/x/kilo.json', sync: false } };
    expect(migrateSettings({ schemaVersion: 3, agents })).toMatchObject({ kind: 'current', document: { agents } });
  });

  it('reach the current version from every older one', () => {
    for (let version = 0; version <= SETTINGS_SCHEMA_VERSION; version += 1) {
      const outcome = migrateSettings(version === 0 ? {} : { schemaVersion: version });
      expect(outcome).toMatchObject({ kind: 'current', fromVersion: version, document: { schemaVersion: SETTINGS_SCHEMA_VERSION } });
    }
  });
});
