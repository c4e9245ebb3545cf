import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { findAgentTarget } from '@switchboard/core';
import { startLiteLLMServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { makeAgentHome, xdgOf } from '../../core/test/agents/real/support/agent-home.js';
import { installedOrSkip } from '../../core/test/agents/real/support/install-agent.js';
import { litellmEntry } from '../../core/test/agents/real/support/litellm-entry.js';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../core/test/support/keychain.js';
import { switchboard } from './support/spawn-cli.js';

/** Nothing listens on the discard port: anything that tries to leave the machine through the proxy fails at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';

const qwen = await installedOrSkip('qwen-code');
const why = !keychainAvailable ? NO_KEYCHAIN_REASON : qwen === null ? 'SKIPPED: the real Qwen Code could not be installed (see the warning above)' : '';

/**
 * The whole of `switchboard run -- qwen` for real: Switchboard's entry in the
 * person's Qwen settings (written by the Qwen Code target), the LiteLLM
 * connection in Switchboard's settings, the key in a real keychain, and the
 * real Qwen Code 0.24.4 answering through the LiteLLM test server with
 * nothing but what `run` put in its environment.
 */
describe.skipIf(why !== '')(`the real Qwen Code through switchboard run ${why}`, () => {
  it('answers "say hi" through /v1/chat/completions with the keychain\'s key, the model and base URL from the entry', async () => {
    const { secrets, service } = isolatedSecretStore();
    const key = `sk-cli-qwen-${service.slice(-12)}`;
    await secrets.set('litellm', key);
    const server = await startLiteLLMServer({ version: '1.81.0', masterKey: key });
    const agentHome = await makeAgentHome();
    try {
      const target = findAgentTarget('qwen-code');
      if (!target || !qwen) throw new Error('the Qwen Code target or binary is missing');
      const settingsFile = target.defaultPath({}, agentHome.home);
      await mkdir(dirname(settingsFile), { recursive: true });
      const personal = '{\n  // mine\n  "privacy": { "usageStatisticsEnabled": false },\n  "telemetry": { "enabled": false },\n  "general": { "disableAutoUpdate": true }\n}\n';
      const written = target.applyEntry(personal, await litellmEntry(server.url, key, 'fake-up'), settingsFile);
      if (!written.ok) throw new Error(written.error.message);
      await writeFile(settingsFile, written.value);
      const userData = join(agentHome.home, 'switchboard');
      await mkdir(userData, { recursive: true });
      await writeFile(join(userData, 'settings.json'), JSON.stringify({ platforms: { litellm: { url: server.url, selectedModel: 'fake-up' } } }));

      const result = await switchboard(['run', '--', qwen.bin, '-p', 'say hi'], {
        cwd: agentHome.project,
        env: {
          PATH: process.env['PATH'],
          LANG: 'C.UTF-8',
          HOME: agentHome.home,
          ...xdgOf(agentHome.home),
          HTTP_PROXY: DEAD_PROXY,
          HTTPS_PROXY: DEAD_PROXY,
          NO_PROXY: '127.0.0.1,localhost',
          NO_COLOR: '1',
          CI: '1',
          DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'],
          SWITCHBOARD_KEYCHAIN_SERVICE: service,
          SWITCHBOARD_USER_DATA: userData,
        },
      });
      const summary = `exit ${String(result.code)}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`.split(key).join('***');
      expect(result.code, summary).toBe(0);
      expect(result.stdout, summary).toContain('Hi from upstream');
      const chats = server.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions'));
      expect(chats.length, summary).toBeGreaterThan(0);
      for (const request of chats) {
        expect(request.headers['authorization'], summary).toBe(`Bearer ${key}`);
        expect(JSON.parse(request.body).model, summary).toBe('fake-up');
      }
      expect(result.stderr).not.toContain(key);
      expect(await readFile(settingsFile, 'utf8')).not.toContain(key);
    } finally {
      await secrets.delete('litellm');
      await server.close();
      await agentHome.remove();
    }
  }, 180_000);
});
