import { afterAll, beforeAll, expect } from 'vitest';
import { channels, contract } from '@switchboard/shared';
import { hostileCases, type HostileCase } from '../support/hostile-cases.js';
import { sendRaw, startHostUnderAttack, type HostUnderAttack } from '../support/host-process.js';

const KEY = 'sk-hostile-channels-1618033988';
let host: HostUnderAttack;

beforeAll(async () => {
  host = await startHostUnderAttack(KEY);
}, 30_000);
afterAll(() => host?.stop());

/**
 * Inputs no channel should do anything dangerous with. Any that carries a
 * URL names 127.0.0.1:9, where nothing listens, so a channel that does take
 * it cannot send traffic anywhere else.
 */
const inputs: Array<[string, unknown]> = [
  ['null', null],
  ['a number', 1e308],
  ['a 200,000-character string', 'x'.repeat(200_000)],
  // Sent as text: building it as a value would overflow this process's own stack first.
  ['an array nested 5,000 deep', { json: `${'['.repeat(5_000)}${']'.repeat(5_000)}` }],
  ['the stored key with a header injected after it', { url: 'http://127.0.0.1:9', key: { mode: 'provided', value: `${KEY}\r\nX-Injected: 1` } }],
  // Not as configPath: a path the person typed is shown back to them by design.
  ['the stored key as every field', { url: KEY, key: KEY, endpointId: KEY, instanceId: KEY, name: KEY, selectedModel: KEY, smallModel: KEY }],
  ['control characters and bidi overrides everywhere', { url: 'http://127.0.0.1:9/\u0000\u202e', key: { mode: 'none\u0000' }, name: '\u0007\u001b[2J', instanceId: 'litellm\n' }],
];

async function call(channel: string, input: unknown): Promise<{ status: number; body: string }> {
  const raw = typeof input === 'object' && input !== null && 'json' in input ? (input as { json: string }).json : JSON.stringify(input);
  const body = `{"input":${raw}}`;
  const answer = await sendRaw(host.port, [host.apiHead(channel, Buffer.byteLength(body)), body], { waitMs: 10_000 });
  return { status: answer.status, body: answer.body };
}

const cases: HostileCase[] = channels.map((channel) => ({
  name: `channels: ${channel} answers ${inputs.length} hostile inputs over the built host with a sentence or its contract`,
  async run(probe) {
    for (const [what, input] of inputs) {
      const answer = await call(channel, input);
      probe.noLeak(`${channel}'s answer to ${what}`, answer.body, [KEY]);
      if (answer.status === 0) probe.crash(`${channel} gave no answer to ${what}`);
      const parsed = JSON.parse(answer.body) as { output?: unknown; error?: string };
      if (answer.status === 200) {
        expect(contract[channel].output.safeParse(parsed.output).success, `${channel} answered ${what} outside its contract`).toBe(true);
      } else {
        expect(answer.status, `${channel} answering ${what}`).toBe(400);
        // Nesting past what the host parses is refused before any channel sees it.
        expect(parsed.error).toMatch(new RegExp(`^(Invalid input for ${channel}: .{10,}|The request body is nested too deeply\\.)$`));
        expect(parsed.error?.length).toBeLessThan(1_000);
      }
    }
    probe.noLeak('the host output', host.output(), [KEY]);
    const crash = await host.crashed();
    if (crash) probe.crash(`${crash} after ${channel}'s hostile inputs`);
  },
}));

hostileCases(cases);
