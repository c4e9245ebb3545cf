import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { startLiteLLMServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { agentHeaders } from '../../../src/agents/agent-entry.js';
import { continueTarget } from '../../../src/agents/targets/continue.js';
import { headerAccount } from '../../../src/network/keychain-accounts.js';
import type { PlatformNetworkSettings, PlatformSettings } from '../../../src/store/settings-schema.js';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../support/keychain.js';
import { makeAgentHome, SWITCHBOARD_CLI, xdgOf } from './support/agent-home.js';
import { installedOrSkip } from './support/install-agent.js';
import { litellmEntry } from './support/litellm-entry.js';
import { PINNED_AGENTS } from './support/pinned-agents.js';
import { killGroup } from './support/run-agent.js';

const DEAD = 'http://127.0.0.1:9';

/**
 * The person's own config.yaml: a comment, a model of their own (at a dead
 * port, so an answer proves cn used Switchboard's item), a context provider
 * and a rule. Continue's header is theirs too.
 */
const PERSONAL = `# My Continue config: keep this comment
name: Ada's assistant
version: 1.0.0
schema: v1

models:
  # my own box, switched off today
  - name: Home box
    provider: openai
    model: qwen2.5-coder
    apiBase: ${DEAD}/v1
    roles: [chat, edit]

context:
  - provider: code   # the open files

rules:
  - Answer briefly.
`;

const cn = await installedOrSkip('continue');
const why = !keychainAvailable ? NO_KEYCHAIN_REASON : cn === null ? 'SKIPPED: the real Continue CLI could not be installed (see the warning above)' : '';

/** `switchboard run -- cn -p …` sealed as the harness seals an agent: own HOME and XDG, proxies at a dead port, Continue's telemetry off. */
async function runThroughSwitchboard(input: { home: string; cwd: string; service: string; userData: string; prompt: string }): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  const out = await mkdtemp(join(tmpdir(), 'switchboard-cn-out-'));
  const [stdoutFile, stderrFile] = await Promise.all([open(join(out, 'stdout'), 'w'), open(join(out, 'stderr'), 'w')]);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    LANG: 'C.UTF-8',
    HOME: input.home,
    ...xdgOf(input.home),
    HTTP_PROXY: DEAD,
    HTTPS_PROXY: DEAD,
    http_proxy: DEAD,
    https_proxy: DEAD,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    NO_COLOR: '1',
    CI: '1',
    ...PINNED_AGENTS.continue.offlineEnv,
    DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'],
    SWITCHBOARD_KEYCHAIN_SERVICE: input.service,
    SWITCHBOARD_USER_DATA: input.userData,
  };
  try {
    const child = spawn(process.execPath, [SWITCHBOARD_CLI, 'run', '--', cn!.bin, '-p', input.prompt], { env, cwd: input.cwd, stdio: ['ignore', stdoutFile.fd, stderrFile.fd], detached: true });
    const timer = setTimeout(() => killGroup(child.pid), 120_000);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    }).finally(() => clearTimeout(timer));
    // Whatever cn left running (an MCP helper, a telemetry flush) must not outlive the test.
    killGroup(child.pid);
    return { exitCode, stdout: await readFile(join(out, 'stdout'), 'utf8'), stderr: await readFile(join(out, 'stderr'), 'utf8') };
  } finally {
    await Promise.all([stdoutFile.close(), stderrFile.close()]);
    await rm(out, { recursive: true, force: true });
  }
}

describe.skipIf(why !== '')(`the real Continue CLI ${why}`, () => {
  it('answers "say hi" through /v1/chat/completions with the keychain\'s key and secret header from `switchboard run`, the person\'s config kept', async () => {
    const { secrets, service } = isolatedSecretStore();
    const key = `sk-cn-${service.slice(-12)}`;
    const headerSecret = `cf-secret-${service.slice(-12)}`;
    await secrets.set('litellm', key);
    await secrets.set(headerAccount('litellm', 'CF-Access-Client-Secret'), headerSecret);
    const server = await startLiteLLMServer({ virtualKeys: [key] });
    const agentHome = await makeAgentHome();
    const userData = join(agentHome.home, 'switchboard');
    try {
      // LiteLLM's headers as Settings › network keeps them: the secret one's value is only in the keychain.
      const litellm: PlatformSettings = { url: server.url, selectedModel: 'fake-up' };
      const litellmNetwork: PlatformNetworkSettings = {
        caFile: null,
        headers: [{ name: 'CF-Access-Client-Id', secret: false, value: 'team-7.access' }, { name: 'CF-Access-Client-Secret', secret: true }],
      };
      await mkdir(userData, { recursive: true });
      await writeFile(join(userData, 'settings.json'), JSON.stringify({ platforms: { litellm }, network: { platforms: { litellm: litellmNetwork } } }));
      const configPath = continueTarget.defaultPath({}, agentHome.home);
      await mkdir(dirname(configPath), { recursive: true });
      await writeFile(configPath, PERSONAL);
      const entry = await litellmEntry(server.url, key, 'fake-up', agentHeaders('litellm', litellmNetwork));
      const written = continueTarget.applyEntry(await readFile(configPath, 'utf8'), entry, configPath);
      if (!written.ok) throw new Error(written.error.message);
      await writeFile(configPath, written.value);
      expect(written.value).not.toContain(key);
      expect(written.value).not.toContain(headerSecret);

      const result = await runThroughSwitchboard({ home: agentHome.home, cwd: agentHome.project, service, userData, prompt: 'say hi' });
      const summary = `exit ${result.exitCode}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`.replaceAll(key, '<key>').replaceAll(headerSecret, '<header>');
      expect(result.exitCode, summary).toBe(0);
      expect(result.stdout, summary).toContain('Hi from upstream');
      const chats = server.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions'));
      expect(chats.length, summary).toBeGreaterThan(0);
      for (const request of chats) {
        expect(request.headers['authorization'], summary).toBe(`Bearer ${key}`);
        expect(JSON.parse(request.body).model, summary).toBe('fake-up');
        expect(request.headers['cf-access-client-id'], summary).toBe('team-7.access');
        expect(request.headers['cf-access-client-secret'], summary).toBe(headerSecret);
      }
      const after = await readFile(configPath, 'utf8');
      expect(after).toContain('# My Continue config: keep this comment');
      expect(after).toContain('  # my own box, switched off today\n  - name: Home box\n');
      expect(parse(after)).toMatchObject({ name: "Ada's assistant", context: [{ provider: 'code' }], rules: ['Answer briefly.'] });
      expect(continueTarget.readEntry(after, configPath)).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'fake-up' } });
      expect(after).not.toContain(key);
      expect(after).not.toContain(headerSecret);
    } finally {
      await secrets.delete('litellm');
      await secrets.delete(headerAccount('litellm', 'CF-Access-Client-Secret'));
      await server.close();
      await agentHome.remove();
    }
  }, 180_000);
});
