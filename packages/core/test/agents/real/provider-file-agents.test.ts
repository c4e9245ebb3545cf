import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kiloTarget } from '../../../src/agents/targets/kilo.js';
import { opencodeTarget } from '../../../src/agents/targets/opencode.js';
import { installedOrSkip } from './support/install-agent.js';
import { headerEnvVariable } from '../../../src/opencode/api-key-env.js';
import type { AgentHeader } from '../../../src/agents/agent-target.js';
import { AGENT_KEY, HEADER_SECRET, writeThenRun, type WrittenAndRun } from './support/provider-file-run.js';

/** A gateway's pair of headers (Cloudflare Access's), one plain and one secret, as Settings › network keeps them for LiteLLM. */
const HEADERS: AgentHeader[] = [
  { name: 'CF-Access-Client-Id', secret: false, value: 'team-7.access' },
  { name: 'CF-Access-Client-Secret', secret: true, variable: headerEnvVariable('litellm', 'CF-Access-Client-Secret') },
];

/**
 * The agents that read opencode's provider format (opencode, Kilo), each with the person's own file: a
 * setting and a provider of their own, which must still be there after Switchboard's entry is written.
 */
const AGENTS = [
  {
    agent: 'opencode',
    title: 'the real opencode 1.18.33',
    target: opencodeTarget,
    installed: await installedOrSkip('opencode'),
    userFile: '{\n  "username": "ada",\n  "provider": {\n    "anthropic": { "options": { "timeout": 600000 } }\n  }\n}\n',
    theirProvider: '"timeout": 600000',
  },
  {
    agent: 'kilo',
    title: 'the real Kilo CLI 7.7.7',
    target: kiloTarget,
    installed: await installedOrSkip('kilo'),
    userFile: '{\n  "username": "ada",\n  "provider": {\n    "mine": { "npm": "@ai-sdk/openai-compatible", "options": { "baseURL": "http://127.0.0.1:9/v1" }, "models": { "m": {} } }\n  }\n}\n',
    theirProvider: '"mine"',
    // Kilo reads the file KILO_CONFIG names after its global config: the target writes there, and this run proves Kilo uses it.
    env: (home: string) => ({ KILO_CONFIG: join(home, 'team', 'kilo-team.json') }),
  },
] as const;

for (const row of AGENTS) {
  const { agent, title, target, installed, userFile, theirProvider } = row;
  const env = 'env' in row ? row.env : undefined;
  describe.skipIf(!installed)(`the written entry in ${title}, through the Agents target`, () => {
    let run: WrittenAndRun;

    beforeAll(async () => {
      // No -m: the file's `model`, written by the target, must be what the agent uses.
      run = await writeThenRun({ agent, target, userFile, args: ['run', 'say hi'], headers: HEADERS, ...(env ? { env } : {}) });
      console.log(`${agent} run "say hi": ${run.result.ms} ms`);
    }, 120_000);

    afterAll(async () => {
      await run?.server.close();
      await run?.home.remove();
    });

    it('answers "say hi" from the proxy and exits 0', () => {
      expect(run.result.exitCode, run.result.summary).toBe(0);
      expect(run.result.stdout, run.result.summary).toContain('Hi from upstream');
    });

    it("called the proxy's chat completions with the key from the environment and the chosen model", () => {
      const chats = run.server.requests.filter((request) => request.method === 'POST' && request.path === '/v1/chat/completions');
      expect(chats.length, run.result.summary).toBeGreaterThan(0);
      for (const chat of chats) expect(chat.headers['authorization']).toBe(`Bearer ${AGENT_KEY}`);
      expect(chats.map((chat) => (JSON.parse(chat.body) as { model: string }).model)).toContain('fake-up');
    });

    it('sent the custom headers with each chat: the plain one as written, the secret one from its variable', () => {
      const chats = run.server.requests.filter((request) => request.method === 'POST' && request.path === '/v1/chat/completions');
      expect(chats.length, run.result.summary).toBeGreaterThan(0);
      for (const chat of chats) {
        expect(chat.headers['cf-access-client-id']).toBe('team-7.access');
        expect(chat.headers['cf-access-client-secret']).toBe(HEADER_SECRET);
      }
      expect(run.after).toContain('"CF-Access-Client-Secret": "{env:SWITCHBOARD_LITELLM_HEADER_CF_ACCESS_CLIENT_SECRET}"');
      expect(run.after).not.toContain(HEADER_SECRET);
    });

    it.skipIf(env === undefined)('used the file its config-moving variable names, where the target wrote the entry', () => {
      const moved = env?.(run.home.home) ?? {};
      expect(Object.values(moved)).toContain(run.configPath);
      expect(run.configPath.startsWith(run.home.home)).toBe(true);
      expect(run.result.exitCode, run.result.summary).toBe(0);
    });

    it("kept the person's own setting and provider, and never wrote the key into the file", () => {
      expect(run.after).toContain('"username": "ada"');
      expect(run.after).toContain(theirProvider);
      expect(run.after).toContain('{env:LITELLM_API_KEY}');
      expect(run.after).not.toContain(AGENT_KEY);
    });
  });
}
