import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { promisify } from 'node:util';
import { startLiteLLMServer } from '@switchboard/test-servers';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { qwenCodeTarget } from '../../../src/agents/targets/qwen-code.js';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../support/keychain.js';
import { makeAgentHome, SWITCHBOARD_CLI } from './support/agent-home.js';
import { installedOrSkip } from './support/install-agent.js';
import { litellmEntry } from './support/litellm-entry.js';
import { runAgent } from './support/run-agent.js';

const QWEN_VARIABLES = ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_MODEL'] as const;

/**
 * What `switchboard run -- qwen` gives Qwen Code: the real CLI runs a child
 * that prints the three variables, in the person's home (Qwen's settings,
 * Switchboard's settings, the test's keychain). runAgent then starts Qwen
 * with exactly those.
 */
async function switchboardRunVariables(env: Record<string, string>): Promise<Record<string, string>> {
  const report = `process.stdout.write(JSON.stringify(Object.fromEntries(${JSON.stringify(QWEN_VARIABLES)}.map((n) => [n, process.env[n] ?? '']))))`;
  const { stdout } = await promisify(execFile)(process.execPath, [SWITCHBOARD_CLI, 'run', '--', process.execPath, '-e', report], { env, timeout: 30_000 });
  return JSON.parse(stdout) as Record<string, string>;
}

/**
 * The person's own settings before Switchboard writes: a comment, an
 * unrelated setting, and the privacy settings of ../shared/agents/README.md
 * (what a person in a locked-down network would have; Qwen has no variables
 * for them).
 */
const PERSONAL = `{
  // My Qwen settings: keep this comment
  "ui": { "theme": "GitHub" },
  "general": { "disableAutoUpdate": true },
  "privacy": { "usageStatisticsEnabled": false },
  "telemetry": { "enabled": false }
}
`;

const qwen = await installedOrSkip('qwen-code');
const why = !keychainAvailable ? NO_KEYCHAIN_REASON : qwen === null ? 'SKIPPED: the real Qwen Code could not be installed (see the warning above)' : '';

describe.skipIf(why !== '')(`the real Qwen Code ${why}`, () => {
  it('answers "say hi" through /v1/chat/completions with the variables `switchboard run` sets from the entry and the keychain, the person\'s settings and comment kept', async () => {
    const { secrets, service } = isolatedSecretStore();
    const key = `sk-qwen-${service.slice(-12)}`;
    await secrets.set('litellm', key);
    const server = await startLiteLLMServer({ version: '1.81.0', masterKey: key });
    const agentHome = await makeAgentHome();
    try {
      const settingsFile = qwenCodeTarget.defaultPath({}, agentHome.home);
      await mkdir(dirname(settingsFile), { recursive: true });
      await writeFile(settingsFile, PERSONAL);

      const entry = await litellmEntry(server.url, key, 'fake-up');
      const written = qwenCodeTarget.applyEntry(await readFile(settingsFile, 'utf8'), entry, settingsFile);
      if (!written.ok) throw new Error(written.error.message);
      await writeFile(settingsFile, written.value);
      expect(written.value).not.toContain(key);

      // Switchboard's own settings: the LiteLLM connection the entry names.
      const userData = join(agentHome.home, 'switchboard');
      await mkdir(userData, { recursive: true });
      await writeFile(join(userData, 'settings.json'), JSON.stringify({ platforms: { litellm: { url: server.url, selectedModel: 'fake-up' } } }));
      const variables = await switchboardRunVariables({
        PATH: process.env['PATH'] ?? '',
        HOME: agentHome.home,
        DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '',
        SWITCHBOARD_KEYCHAIN_SERVICE: service,
        SWITCHBOARD_USER_DATA: userData,
      });
      // Compared without printing the key should it differ.
      expect({ ...variables, OPENAI_API_KEY: variables['OPENAI_API_KEY'] === key ? 'the stored key' : 'another value' }).toEqual({
        OPENAI_BASE_URL: `${server.url}/v1`,
        OPENAI_API_KEY: 'the stored key',
        OPENAI_MODEL: 'fake-up',
      });
      const result = await runAgent({
        agent: 'qwen-code',
        args: ['-p', 'say hi'],
        home: agentHome.home,
        cwd: agentHome.project,
        env: variables,
        secrets: [key],
        timeoutMs: 120_000,
      });
      expect(result.exitCode, result.summary).toBe(0);
      expect(result.stdout, result.summary).toContain('Hi from upstream');
      const chats = server.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions'));
      expect(chats.length, result.summary).toBeGreaterThan(0);
      for (const request of chats) {
        expect(request.headers['authorization'], result.summary).toBe(`Bearer ${key}`);
        expect(JSON.parse(request.body).model, result.summary).toBe('fake-up');
      }
      // Qwen may have rewritten the file (it adds "$version"): the person's comment and settings are still there, and so is the entry.
      const after = await readFile(settingsFile, 'utf8');
      expect(after).toContain('// My Qwen settings: keep this comment');
      expect(parse(after)).toMatchObject({ ...parse(PERSONAL), security: { auth: { selectedType: 'openai' } }, model: { name: 'fake-up' } });
      expect(qwenCodeTarget.readEntry(after, settingsFile)).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'fake-up' } });
      expect(after).not.toContain(key);
    } finally {
      await secrets.delete('litellm');
      await server.close();
      await agentHome.remove();
    }
  }, 180_000);
});
