import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { startLiteLLMServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { codexTarget } from '../../../src/agents/targets/codex.js';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../support/keychain.js';
import { keyHelperEnv, makeAgentHome } from './support/agent-home.js';
import { installedOrSkip } from './support/install-agent.js';
import { headerEnvVariable } from '../../../src/opencode/api-key-env.js';
import { litellmEntry } from './support/litellm-entry.js';
import { runAgent } from './support/run-agent.js';


/**
 * The person's own file before Switchboard writes: the offline settings of
 * ../shared/agents/README.md (what a person in a locked-down network would
 * have), a comment, another provider, an unrelated setting.
 */
const PERSONAL = `# My Codex config: keep this comment
check_for_update_on_startup = false
approval_policy = "never"

[analytics]
enabled = false

[features]
plugins = false
apps = false
remote_plugin = false

[model_providers.my-azure]
name = "Azure"
base_url = "http://127.0.0.1:9/openai"
env_key = "AZURE_OPENAI_KEY"
wire_api = "responses"
`;

const codex = await installedOrSkip('codex');
const why = !keychainAvailable ? NO_KEYCHAIN_REASON : codex === null ? 'SKIPPED: the real Codex could not be installed (see the warning above)' : '';

// Where the file is: the default, and a folder CODEX_HOME names (the target must write where Codex reads).
const PLACES: Array<{ place: string; codexHome: string | null }> = [
  { place: '~/.codex/config.toml', codexHome: null },
  { place: 'CODEX_HOME/config.toml', codexHome: 'elsewhere/codex' },
];

describe.skipIf(why !== '')(`the real Codex ${why}`, () => {
  it.each(PLACES)('answers "say hi" through /v1/responses with the key `switchboard key` reads from the keychain, the person\'s file at $place kept', async ({ codexHome }) => {
    const { secrets, service } = isolatedSecretStore();
    const key = `sk-codex-${service.slice(-12)}`;
    await secrets.set('litellm', key);
    const server = await startLiteLLMServer({ version: '1.81.0', masterKey: key });
    const agentHome = await makeAgentHome();
    try {
      const keyHelper = await keyHelperEnv(agentHome.home, service);
      const moved: Record<string, string> = codexHome === null ? {} : { CODEX_HOME: join(agentHome.home, codexHome) };
      const configFile = codexTarget.defaultPath(moved, agentHome.home);
      await mkdir(dirname(configFile), { recursive: true });
      await writeFile(configFile, PERSONAL);

      const headerSecret = `cf-secret-${service.slice(-12)}`;
      const secretVariable = headerEnvVariable('litellm', 'CF-Access-Client-Secret');
      const entry = await litellmEntry(server.url, key, 'fake-up', [
        { name: 'CF-Access-Client-Id', secret: false, value: 'team-7.access' },
        { name: 'CF-Access-Client-Secret', secret: true, variable: secretVariable },
      ]);
      const written = codexTarget.applyEntry(await readFile(configFile, 'utf8'), entry, configFile);
      if (!written.ok) throw new Error(written.error.message);
      await writeFile(configFile, written.value);
      expect(written.value).not.toContain(key);
      expect(written.value).not.toContain(headerSecret);

      const result = await runAgent({
        agent: 'codex',
        args: ['exec', '--skip-git-repo-check', 'say hi'],
        home: agentHome.home,
        cwd: agentHome.project,
        env: {
          ...keyHelper,
          // The secret header's variable, as `switchboard run -- codex` sets it from the keychain.
          [secretVariable]: headerSecret,
          ...moved,
        },
        secrets: [key, headerSecret],
        timeoutMs: 120_000,
      });
      expect(result.exitCode, result.summary).toBe(0);
      expect(result.stdout, result.summary).toContain('Hi from upstream');
      const responses = server.requests.filter((request) => request.path.startsWith('/v1/responses'));
      expect(responses.length, result.summary).toBeGreaterThan(0);
      // The key Codex sent is the keychain's, fetched by its auth command.
      expect(responses.every((request) => request.headers['authorization'] === `Bearer ${key}`), result.summary).toBe(true);
      // The custom headers: the plain one from http_headers, the secret one from its variable (env_http_headers).
      for (const request of responses) {
        expect(request.headers['cf-access-client-id'], result.summary).toBe('team-7.access');
        expect(request.headers['cf-access-client-secret'], result.summary).toBe(headerSecret);
      }
      const after = await readFile(configFile, 'utf8');
      for (const line of PERSONAL.split('\n')) expect(after).toContain(line);
      expect(after).not.toContain(key);
      expect(after).not.toContain(headerSecret);
    } finally {
      await secrets.delete('litellm');
      await server.close();
      await agentHome.remove();
    }
  }, 180_000);
});
