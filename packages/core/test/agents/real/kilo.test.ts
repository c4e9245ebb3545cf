import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kiloTarget } from '../../../src/agents/targets/kilo.js';
import { installedOrSkip } from './support/install-agent.js';
import { AGENT_KEY, writeThenRun, type WrittenAndRun } from './support/provider-file-run.js';

const kilo = await installedOrSkip('kilo');

/** The person's own kilo.json: a comment-free JSON with a setting and a provider of their own. */
const USER_FILE = '{\n  "username": "ada",\n  "provider": {\n    "mine": { "npm": "@ai-sdk/openai-compatible", "options": { "baseURL": "http://127.0.0.1:9/v1" }, "models": { "m": {} } }\n  }\n}\n';

describe.skipIf(!kilo)('the written entry in the real Kilo CLI 7.7.7', () => {
  let run: WrittenAndRun;

  beforeAll(async () => {
    run = await writeThenRun({ agent: 'kilo', target: kiloTarget, userFile: USER_FILE, args: ['run', 'say hi'] });
    console.log(`kilo run "say hi": ${run.result.ms} ms`);
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
    expect(run.after).toContain('"mine"');
    expect(run.after).toContain('{env:LITELLM_API_KEY}');
    expect(run.after).not.toContain(AGENT_KEY);
  });
});
