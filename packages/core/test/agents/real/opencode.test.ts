import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opencodeTarget } from '../../../src/agents/targets/opencode.js';
import { installedOrSkip } from './support/install-agent.js';
import { AGENT_KEY, writeThenRun, type WrittenAndRun } from './support/provider-file-run.js';

const opencode = await installedOrSkip('opencode');

/** The person's own opencode.json, with a setting and a provider of their own. */
const USER_FILE = '{\n  "username": "ada",\n  "provider": {\n    "anthropic": { "options": { "timeout": 600000 } }\n  }\n}\n';

describe.skipIf(!opencode)('the written entry in the real opencode 1.18.33, through the Agents target', () => {
  let run: WrittenAndRun;

  beforeAll(async () => {
    // No -m: the file's `model`, written by the target, must be what opencode uses.
    run = await writeThenRun({ agent: 'opencode', target: opencodeTarget, userFile: USER_FILE, args: ['run', 'say hi'] });
    console.log(`opencode run "say hi": ${run.result.ms} ms`);
  }, 120_000);

  afterAll(async () => {
    await run?.server.close();
    await run?.home.remove();
  });

  it('answers "say hi" from the proxy and exits 0', () => {
    expect(run.result.exitCode, run.result.summary).toBe(0);
    expect(run.result.stdout, run.result.summary).toContain('Hi from upstream');
  });

  it('called the proxy\'s chat completions with the key from the environment and the chosen model', () => {
    const chats = run.server.requests.filter((request) => request.method === 'POST' && request.path === '/v1/chat/completions');
    expect(chats.length, run.result.summary).toBeGreaterThan(0);
    for (const chat of chats) expect(chat.headers['authorization']).toBe(`Bearer ${AGENT_KEY}`);
    expect(chats.map((chat) => (JSON.parse(chat.body) as { model: string }).model)).toContain('fake-up');
  });

  it('kept the person\'s own setting and provider, and never wrote the key into the file', () => {
    expect(run.after).toContain('"username": "ada"');
    expect(run.after).toContain('"timeout": 600000');
    expect(run.after).toContain('{env:LITELLM_API_KEY}');
    expect(run.after).not.toContain(AGENT_KEY);
  });
});
