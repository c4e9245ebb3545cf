import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kiloTarget } from '../../../src/agents/targets/kilo.js';
import { opencodeTarget } from '../../../src/agents/targets/opencode.js';
import { installedOrSkip } from './support/install-agent.js';
import { AGENT_KEY, writeThenRun, type WrittenAndRun } from './support/provider-file-run.js';

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
  },
] as const;

for (const { agent, title, target, installed, userFile, theirProvider } of AGENTS) {
  describe.skipIf(!installed)(`the written entry in ${title}, through the Agents target`, () => {
    let run: WrittenAndRun;

    beforeAll(async () => {
      // No -m: the file's `model`, written by the target, must be what the agent uses.
      run = await writeThenRun({ agent, target, userFile, args: ['run', 'say hi'] });
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

    it("kept the person's own setting and provider, and never wrote the key into the file", () => {
      expect(run.after).toContain('"username": "ada"');
      expect(run.after).toContain(theirProvider);
      expect(run.after).toContain('{env:LITELLM_API_KEY}');
      expect(run.after).not.toContain(AGENT_KEY);
    });
  });
}
