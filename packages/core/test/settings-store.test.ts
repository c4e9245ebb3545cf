import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../src/store/open-settings-store.js';
import { SETTINGS_SCHEMA_VERSION } from '../src/store/settings-schema.js';
import { settingsFile } from './support/settings-folder.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

describe('the settings store', () => {
  it('survives a restart: a new store on the same folder reads what the old one wrote', async () => {
    const dir = await tempDir();
    openSettingsStore(dir).store.write({ platforms: { litellm: { url: 'http://proxy:4000', selectedModel: 'gpt-4o' } } });
    const reopened = openSettingsStore(dir);
    expect(reopened.store.read().platforms.litellm).toEqual({ url: 'http://proxy:4000', selectedModel: 'gpt-4o' });
    expect(reopened.notices).toEqual([]);
    expect(JSON.parse(await readFile(settingsFile(dir), 'utf8'))).toMatchObject({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      platforms: { litellm: { selectedModel: 'gpt-4o' } },
    });
  });

  it('starts empty in a new folder, with default catalog lifetimes and keychain deadline', async () => {
    const opened = openSettingsStore(await tempDir());
    const settings = opened.store.read();
    expect(settings.platforms).toEqual({});
    expect(settings.catalog).toMatchObject({ modelListLifetimeMs: 5 * 60 * 1000, publicMapLifetimeMs: 24 * 60 * 60 * 1000 });
    expect(settings.keychain).toEqual({ timeoutMs: 4000 });
    expect(opened.notices).toEqual([]);
  });

  it('refuses to write settings that break the schema', async () => {
    const { store } = openSettingsStore(await tempDir());
    expect(() => store.write({ platforms: { litellm: { url: 42 } } } as never)).toThrow();
    expect(() => store.write({ keychain: { timeoutMs: 10 } })).toThrow();
    expect(store.read().platforms).toEqual({});
  });
});
