import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentId, SwitchboardApi } from '@switchboard/shared';
import { startLiteLLMServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { headerAccount } from '../../src/network/keychain-accounts.js';
import { openSettingsStore } from '../../src/store/open-settings-store.js';
import type { HeaderSetting } from '../../src/store/settings-schema.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

const KEY = 'sk-master-1234';
const SECRET = 'cf-secret-value-5d1e';
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** LiteLLM in use with gpt-4o, and its headers as Settings › network keeps them: the secret one's value only in the store of secrets. */
async function setup(headers: HeaderSetting[]) {
  const proxy = await startLiteLLMServer();
  servers.push(proxy);
  const home = await tempDir();
  const userDataDir = join(home, 'user-data');
  const secrets = memorySecretStore({ [headerAccount('litellm', 'CF-Access-Client-Secret')]: SECRET });
  const env = { XDG_CONFIG_HOME: join(home, '.config'), CONTINUE_GLOBAL_DIR: join(home, '.continue'), SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${proxy.url}/no-map` };
  const api = createApi({ userDataDir, secrets, env, overrides: { home } });
  await api['litellm:test-connection']({ url: proxy.url, key: { mode: 'provided', value: KEY } });
  expect(await api['litellm:set-config']({ url: proxy.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' })).toMatchObject({ ok: true });
  const setHeaders = (next: HeaderSetting[]) => {
    const { store } = openSettingsStore(userDataDir);
    const settings = store.read();
    store.write({ ...settings, network: { ...settings.network, platforms: { ...settings.network.platforms, litellm: { caFile: null, headers: next } } } });
  };
  setHeaders(headers);
  return { api, home, setHeaders };
}

const PLAIN: HeaderSetting = { name: 'CF-Access-Client-Id', secret: false, value: 'team-7.access' };
const SECRET_HEADER: HeaderSetting = { name: 'CF-Access-Client-Secret', secret: true };
const VARIABLE = 'SWITCHBOARD_LITELLM_HEADER_CF_ACCESS_CLIENT_SECRET';

/** Each agent whose config carries headers, with where its file is and how its format names the secret's variable. */
const FILES: Partial<Record<AgentId, (home: string) => string>> = {
  opencode: (home) => join(home, '.config', 'opencode', 'opencode.json'),
  kilo: (home) => join(home, '.config', 'kilo', 'kilo.json'),
  continue: (home) => join(home, '.continue', 'config.yaml'),
};
const file = (agentId: AgentId, home: string): string => {
  const of = FILES[agentId];
  if (!of) throw new Error(`no file known for ${agentId}`);
  return of(home);
};

const AGENTS: ReadonlyArray<{ agentId: AgentId; plain: string; secret: string }> = [
  { agentId: 'opencode', plain: '"CF-Access-Client-Id": "team-7.access"', secret: `"CF-Access-Client-Secret": "{env:${VARIABLE}}"` },
  { agentId: 'kilo', plain: '"CF-Access-Client-Id": "team-7.access"', secret: `"CF-Access-Client-Secret": "{env:${VARIABLE}}"` },
  { agentId: 'continue', plain: 'CF-Access-Client-Id: "team-7.access"', secret: `CF-Access-Client-Secret: "\${{ secrets.${VARIABLE} }}"` },
];

const diffText = async (api: SwitchboardApi, agentId: AgentId) => {
  const preview = await api['agents:preview']({ agentId, instanceId: 'litellm' });
  if (!preview.ok) throw new Error(preview.error.message);
  return { preview: preview.value, text: preview.value.diff.hunks.flatMap((hunk) => hunk.lines.map((line) => line.text)).join('\n') };
};

describe.each(AGENTS)('custom headers in $agentId\'s config', ({ agentId, plain, secret }) => {
  it('show in the diff and the written file, the plain one as typed, the secret one as its variable and never its value', async () => {
    const { api, home } = await setup([PLAIN, SECRET_HEADER]);
    const { preview, text } = await diffText(api, agentId);
    expect(text).toContain(plain);
    expect(text).toContain(secret);
    expect(JSON.stringify(preview)).not.toContain(SECRET);
    expect(await api['agents:write']({ agentId, instanceId: 'litellm', fingerprint: preview.fingerprint })).toMatchObject({ ok: true });
    const written = await readFile(file(agentId, home), 'utf8');
    expect(written).toContain(plain);
    expect(written).toContain(secret);
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain(KEY);
  });

  it('are a change once the headers change, and none once the file has them', async () => {
    const { api, home, setHeaders } = await setup([]);
    await mkdir(join(file(agentId, home), '..'), { recursive: true });
    expect(await api['agents:write']({ agentId, instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: true });
    expect((await diffText(api, agentId)).preview.changed).toBe(false);
    setHeaders([PLAIN]);
    const { preview, text } = await diffText(api, agentId);
    expect(preview.changed).toBe(true);
    expect(text).toContain(plain);
    expect(await api['agents:write']({ agentId, instanceId: 'litellm', fingerprint: preview.fingerprint })).toMatchObject({ ok: true });
    // A header taken away leaves the file too.
    setHeaders([]);
    const removed = await diffText(api, agentId);
    expect(removed.preview.changed).toBe(true);
    expect(await api['agents:write']({ agentId, instanceId: 'litellm', fingerprint: removed.preview.fingerprint })).toMatchObject({ ok: true });
    expect(await readFile(file(agentId, home), 'utf8')).not.toContain('CF-Access');
  });
});

describe('custom headers beside a person\'s own file', () => {
  it('leave Continue\'s comments and other models byte for byte', async () => {
    const { api, home } = await setup([PLAIN, SECRET_HEADER]);
    const mine = '# mine: keep\nname: Mine\nversion: 1.0.0\nmodels:\n  - name: Home box # beside\n    provider: ollama\n    model: qwen\n';
    await mkdir(join(home, '.continue'), { recursive: true });
    await writeFile(join(home, '.continue', 'config.yaml'), mine);
    expect(await api['agents:write']({ agentId: 'continue', instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: true });
    const after = await readFile(join(home, '.continue', 'config.yaml'), 'utf8');
    expect(after.startsWith('# mine: keep\nname: Mine\nversion: 1.0.0\nmodels:\n')).toBe(true);
    expect(after.endsWith('  - name: Home box # beside\n    provider: ollama\n    model: qwen\n')).toBe(true);
  });
});

describe('keep in sync, after a platform\'s headers are saved', () => {
  it('rewrites each agent in sync whose entry points at the platform, opencode included, and leaves one with sync off; a save that changes no header writes nothing', async () => {
    const { api, home } = await setup([]);
    for (const { agentId } of AGENTS) expect(await api['agents:write']({ agentId, instanceId: 'litellm', fingerprint: null })).toMatchObject({ ok: true });
    expect(await api['agents:set-settings']({ agentId: 'continue', sync: false })).toMatchObject({ ok: true });
    const continueBefore = await readFile(file('continue', home), 'utf8');

    const saved = await api['network:set-platform']({
      instanceId: 'litellm',
      caFile: null,
      headers: [
        { name: PLAIN.name, secret: false, value: 'team-7.access' },
        { name: SECRET_HEADER.name, secret: true, secretValue: { mode: 'provided', value: 'typed-secret-93c1' } },
      ],
    });
    expect(saved).toMatchObject({ ok: true });
    for (const { agentId, plain, secret } of AGENTS.filter((agent) => agent.agentId !== 'continue')) {
      const text = await readFile(file(agentId, home), 'utf8');
      expect(text).toContain(plain);
      expect(text).toContain(secret);
      expect(text).not.toContain('typed-secret-93c1');
    }
    expect(await readFile(file('continue', home), 'utf8')).toBe(continueBefore);
    const listed = await api['agents:list'](undefined);
    expect(listed.filter((agent) => agent.fileProblem !== null)).toEqual([]);

    // Saved again with the same headers (the secret kept as stored): no agent file is written, so no .bak replaced.
    const kilo = file('kilo', home);
    await writeFile(`${kilo}.bak`, 'the backup before');
    expect(
      await api['network:set-platform']({
        instanceId: 'litellm',
        caFile: null,
        headers: [
          { name: PLAIN.name, secret: false, value: 'team-7.access' },
          { name: SECRET_HEADER.name, secret: true, secretValue: { mode: 'stored' } },
        ],
      }),
    ).toMatchObject({ ok: true });
    expect(await readFile(`${kilo}.bak`, 'utf8')).toBe('the backup before');
  });
});
