import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../src/store/open-settings-store.js';
import { DEFAULT_PUBLIC_MODEL_MAP_URL, SETTINGS_SCHEMA_VERSION } from '../src/store/settings-schema.js';
import { keptCopies, readJson, settingsFile } from './support/settings-folder.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

const litellm = { url: 'http://proxy:4000', selectedModel: 'gpt-4o', savedAt: 1761200000000 };
const lab = { url: 'http://10.0.0.12:8000/v1', selectedModel: null, name: 'Lab', modelLimits: { m: { contextLength: 8192, maxOutputTokens: null } } };
const good = { schemaVersion: SETTINGS_SCHEMA_VERSION, platforms: { litellm, 'custom:lab': lab }, opencode: { sync: true, smallModels: { litellm: 'mini' } } };

const draft = {
  system: '',
  prompt: 'Say hi',
  params: { temperature: 0.5, topP: null, maxOutputTokens: null, stop: [], reasoningEffort: null, responseFormat: { type: 'text' } },
  stream: true,
};
const drafts = { 'litellm\u0000gpt-4o': { draft, savedAt: 1764400000000 } };

/** Each case breaks one thing beside good neighbours: what must go, and what the settings read afterwards. */
const cases = [
  {
    name: 'a connection without a URL is dropped; its neighbours stay',
    file: { ...good, platforms: { ...good.platforms, 'custom:broken': { selectedModel: 'x' } } },
    dropped: 'the connection "custom:broken"',
    expected: { platforms: { litellm, 'custom:lab': lab } },
  },
  {
    name: 'a connection that is a number is dropped; its neighbours stay',
    file: { ...good, platforms: { ...good.platforms, openrouter: 42 } },
    dropped: 'the connection "openrouter"',
    expected: { platforms: { litellm, 'custom:lab': lab } },
  },
  {
    name: 'a broken chosen model costs the choice, not the connection',
    file: { ...good, platforms: { ...good.platforms, litellm: { ...litellm, selectedModel: 7 } } },
    dropped: 'platforms.litellm.selectedModel',
    expected: { platforms: { litellm: { ...litellm, selectedModel: null }, 'custom:lab': lab } },
  },
  {
    name: 'a broken saved time costs that time alone',
    file: { ...good, platforms: { ...good.platforms, litellm: { ...litellm, savedAt: 'yesterday' } } },
    dropped: 'platforms.litellm.savedAt',
    expected: { platforms: { litellm: { url: litellm.url, selectedModel: litellm.selectedModel }, 'custom:lab': lab } },
  },
  {
    name: 'a broken catalog field falls back to its default alone',
    file: { ...good, catalog: { publicMapUrl: 12, modelListLifetimeMs: 600000 } },
    dropped: 'catalog.publicMapUrl',
    expected: { catalog: { publicMapUrl: DEFAULT_PUBLIC_MODEL_MAP_URL, modelListLifetimeMs: 600000 }, platforms: good.platforms },
  },
  {
    name: 'a broken opencode field falls back to its default alone',
    file: { ...good, opencode: { ...good.opencode, writeKeyInFile: 'yes' } },
    dropped: 'opencode.writeKeyInFile',
    expected: { opencode: { sync: true, writeKeyInFile: false, smallModels: { litellm: 'mini' } }, platforms: good.platforms },
  },
  {
    name: 'a broken Responses-only switch falls back to off alone',
    file: { ...good, opencode: { ...good.opencode, writeResponsesOnly: 'sometimes' } },
    dropped: 'opencode.writeResponsesOnly',
    expected: { opencode: { sync: true, writeResponsesOnly: false, smallModels: { litellm: 'mini' } }, platforms: good.platforms },
  },
  {
    name: 'a keychain deadline out of bounds falls back to 4 s',
    file: { ...good, keychain: { timeoutMs: 10 } },
    dropped: 'keychain.timeoutMs',
    expected: { keychain: { timeoutMs: 4000 }, platforms: good.platforms },
  },
  {
    name: 'a section that is not an object falls back to its defaults',
    file: { ...good, opencode: [] },
    dropped: 'opencode',
    expected: { opencode: { configPath: null, sync: null, writeKeyInFile: false, smallModels: {}, writeResponsesOnly: false }, platforms: good.platforms },
  },
  {
    name: 'a broken playground draft costs that draft; the other drafts stay',
    file: { ...good, playground: { drafts: { ...drafts, 'litellm\u0000broken': { draft: { prompt: 12 }, savedAt: 1 } } } },
    dropped: 'the playground draft of "broken" on "litellm"',
    expected: { playground: { drafts }, platforms: good.platforms },
  },
  {
    name: 'a playground section that is not an object costs the drafts, nothing else',
    file: { ...good, playground: 'lost' },
    dropped: 'playground',
    expected: { playground: { drafts: {} }, platforms: good.platforms, opencode: { sync: true } },
  },
  {
    name: 'a playground deadline out of bounds falls back to its default; the other deadline and the drafts stay',
    file: { ...good, playground: { drafts, firstByteTimeoutMs: 5, stallTimeoutMs: 90_000 } },
    dropped: 'playground.firstByteTimeoutMs',
    expected: { playground: { drafts, firstByteTimeoutMs: 60_000, stallTimeoutMs: 90_000 }, platforms: good.platforms },
  },
  {
    name: 'a broken draft costs that draft, not the deadlines beside it',
    file: { ...good, playground: { drafts: { 'litellm\u0000broken': 1 }, firstByteTimeoutMs: 120_000 } },
    dropped: 'the playground draft of "broken" on "litellm"',
    expected: { playground: { drafts: {}, firstByteTimeoutMs: 120_000, stallTimeoutMs: 30_000 }, platforms: good.platforms },
  },
  {
    name: 'drafts that are not a record cost the drafts alone',
    file: { ...good, playground: { drafts: [1, 2] } },
    dropped: 'playground.drafts',
    expected: { playground: { drafts: {} }, platforms: good.platforms, opencode: { sync: true } },
  },
];

describe('a settings file with a broken entry', () => {
  it.each(cases)('$name', async ({ file, dropped, expected }) => {
    const dir = await tempDir();
    const text = JSON.stringify(file, null, 2);
    await writeFile(settingsFile(dir), text);
    const opened = openSettingsStore(dir);

    expect(opened.store.read()).toMatchObject(expected);
    const kept = await keptCopies(dir);
    expect(kept).toHaveLength(1);
    expect(await readFile(kept[0] ?? '', 'utf8')).toBe(text);
    expect(opened.notices).toEqual([{ kind: 'settings-repaired', message: expect.stringContaining(dropped) }]);
    expect(opened.notices[0]?.message).toContain(kept[0]);
    // The repaired file is on disk, so the next start is quiet.
    expect(await readJson(settingsFile(dir))).toMatchObject({ schemaVersion: SETTINGS_SCHEMA_VERSION, ...expected });
    expect(openSettingsStore(dir).notices).toEqual([]);
  });
});
