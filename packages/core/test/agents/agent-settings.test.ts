import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../src/store/open-settings-store.js';
import { SETTINGS_SCHEMA_VERSION } from '../../src/store/settings-schema.js';
import { keptCopies, settingsFile } from '../support/settings-folder.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const litellm = { url: 'http://proxy:4000', selectedModel: 'gpt-4o' };
const kilo = { configPath: '~/kilo.jsonc', sync: true };
const opencode = { configPath: '/x/opencode.json', sync: true, writeKeyInFile: false, smallModels: { litellm: 'mini' }, writeResponsesOnly: true };

/** Each case breaks the agents section beside good neighbours: what is said to be dropped, and what the section reads afterwards. */
const cases = [
  { name: 'a section that is a list', agents: [kilo], dropped: 'agents', expected: {} },
  { name: 'one agent that is a string', agents: { kilo, codex: 'on' }, dropped: 'agents.codex', expected: { kilo } },
  { name: 'a broken switch costs the switch', agents: { kilo, continue: { configPath: '/c.yaml', sync: 'yes' } }, dropped: 'agents.continue.sync', expected: { kilo, continue: { configPath: '/c.yaml', sync: null } } },
  { name: 'a broken path costs the path', agents: { kilo: { configPath: 42, sync: true } }, dropped: 'agents.kilo.configPath', expected: { kilo: { configPath: null, sync: true } } },
  { name: 'an agent Switchboard does not know', agents: { kilo, gemini: kilo }, dropped: 'the settings of the unknown agent "gemini"', expected: { kilo } },
  { name: 'an agent named __proto__', agents: JSON.parse(`{"kilo":${JSON.stringify(kilo)},"__proto__":{"sync":true}}`) as object, dropped: '"__proto__"', expected: { kilo } },
];

describe('the agents section of the settings', () => {
  it.each(cases)('is salvaged agent by agent: $name', async ({ agents, dropped, expected }) => {
    const dir = await tempDir();
    await writeFile(settingsFile(dir), JSON.stringify({ schemaVersion: SETTINGS_SCHEMA_VERSION, platforms: { litellm }, opencode, agents }));
    const { store, notices } = openSettingsStore(dir);
    expect(store.read().agents).toEqual(expected);
    expect(Object.getPrototypeOf(store.read().agents)).toBe(Object.prototype);
    expect(notices).toEqual([expect.objectContaining({ kind: 'settings-repaired', message: expect.stringContaining(dropped) })]);
    // Nothing else is lost, and the original is kept beside it.
    expect(store.read().platforms).toEqual({ litellm });
    expect(store.read().opencode).toEqual(opencode);
    expect(await keptCopies(dir)).toHaveLength(1);
  });
});
