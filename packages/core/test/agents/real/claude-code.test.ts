import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { startLiteLLMServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { claudeCodeTarget } from '../../../src/agents/targets/claude-code.js';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../support/keychain.js';
import { keyHelperEnv, makeAgentHome } from './support/agent-home.js';
import { installedOrSkip } from './support/install-agent.js';
import { litellmEntry } from './support/litellm-entry.js';
import { runAgent } from './support/run-agent.js';


/** The person's own settings before Switchboard writes: permissions, a hook, their own variable, an unrelated setting. */
const PERSONAL = `{
    "permissions": {
        "allow": ["Bash(npm run test:*)"],
        "deny": ["Read(./.env)"]
    },
    "env": {
        "BASH_DEFAULT_TIMEOUT_MS": "60000"
    },
    "includeCoAuthoredBy": false
}
`;

const claude = await installedOrSkip('claude-code');
const why = !keychainAvailable ? NO_KEYCHAIN_REASON : claude === null ? 'SKIPPED: the real Claude Code could not be installed (see the warning above)' : '';

describe.skipIf(why !== '')(`the real Claude Code ${why}`, () => {
  it('answers "say hi" through /v1/messages with the key its apiKeyHelper (`switchboard key`) reads from the keychain, the person\'s settings kept', async () => {
    const { secrets, service } = isolatedSecretStore();
    const key = `sk-claude-${service.slice(-12)}`;
    await secrets.set('litellm', key);
    const server = await startLiteLLMServer({ version: '1.81.0', masterKey: key });
    const agentHome = await makeAgentHome();
    try {
      const keyHelper = await keyHelperEnv(agentHome.home, service);
      const settingsFile = claudeCodeTarget.defaultPath({}, agentHome.home);
      await mkdir(dirname(settingsFile), { recursive: true });
      await writeFile(settingsFile, PERSONAL);

      const entry = await litellmEntry(server.url, key, 'fake-up', [{ name: 'CF-Access-Client-Id', secret: false, value: 'team-7.access' }]);
      const written = claudeCodeTarget.applyEntry(await readFile(settingsFile, 'utf8'), entry, settingsFile);
      if (!written.ok) throw new Error(written.error.message);
      await writeFile(settingsFile, written.value);
      expect(written.value).not.toContain(key);

      const result = await runAgent({
        agent: 'claude-code',
        args: ['-p', 'say hi'],
        home: agentHome.home,
        cwd: agentHome.project,
        env: {
          ...keyHelper,
        },
        secrets: [key],
        timeoutMs: 120_000,
      });
      expect(result.exitCode, result.summary).toBe(0);
      expect(result.stdout, result.summary).toContain('Hi from upstream');
      // The proxy's root was the base: Claude asked /v1/messages, not /v1/v1/messages.
      const messages = server.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/messages'));
      expect(messages.length, result.summary).toBeGreaterThan(0);
      expect(server.requests.some((request) => request.path.startsWith('/v1/v1/')), result.summary).toBe(false);
      // The key Claude sent is the keychain's, fetched by apiKeyHelper.
      for (const request of messages) {
        expect(request.headers['x-api-key'] ?? request.headers['authorization']?.replace(/^Bearer /, ''), result.summary).toBe(key);
        expect(JSON.parse(request.body).model, result.summary).toBe('fake-up');
        // The plain custom header, from env.ANTHROPIC_CUSTOM_HEADERS in the file.
        expect(request.headers['cf-access-client-id'], result.summary).toBe('team-7.access');
      }
      const after = JSON.parse(await readFile(settingsFile, 'utf8'));
      expect(after).toMatchObject({ ...JSON.parse(PERSONAL), env: { BASH_DEFAULT_TIMEOUT_MS: '60000' }, apiKeyHelper: 'switchboard key litellm' });
      expect(JSON.stringify(after)).not.toContain(key);
    } finally {
      await secrets.delete('litellm');
      await server.close();
      await agentHome.remove();
    }
  }, 180_000);
});
