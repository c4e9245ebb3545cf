import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract } from '@switchboard/shared';
import { startBrowserHost, type BrowserHost } from '../../src/browser-host/server.js';
import { expectContractOutput, expectSentence } from './answer-checks.js';
import { inputsFor, keyIn } from './channel-inputs.js';
import { loopbackOnly, startContractFixture, within, type ContractFixture } from './contract-fixture.js';

const TOKEN = 'property-token-0123456789';
const NUM_RUNS = Number(process.env.SWITCHBOARD_PROPERTY_RUNS ?? 40);
let fixture: ContractFixture;
let host: BrowserHost;
const logged: string[] = [];

beforeAll(async () => {
  fixture = await startContractFixture();
  host = await startBrowserHost({ api: fixture.api, streams: fixture.streams, rendererDir: '/nonexistent', token: TOKEN, port: 0, log: (line) => logged.push(line) });
});
afterAll(async () => {
  await host?.close();
  await fixture?.close();
});

function post(channel: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/api/${encodeURIComponent(channel)}`,
        headers: { 'content-type': 'application/json', 'x-switchboard-token': TOKEN, connection: 'close' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

describe('every channel over the browser host', () => {
  it('runs with every address but 127.0.0.1 refused before anything is sent', async () => {
    let sent = false;
    const guarded = loopbackOnly((async () => {
      sent = true;
      return new Response('');
    }) as typeof fetch);
    for (const url of ['https://openrouter.ai/api/v1/models', 'http://localhost:4000/v1/models', 'http://[::1]:1/', 'not a url']) {
      await expect(guarded(url, {})).rejects.toThrow(/refuse/);
    }
    expect(sent).toBe(false);
    await guarded('http://127.0.0.1:1/', {});
    expect(sent).toBe(true);
  });

  it.each(channels)('%s answers any input with its contract or a 4xx sentence, never a 500 or a hang', async (channel) => {
    await fc.assert(
      fc.asyncProperty(inputsFor(contract[channel].input, fixture.vocabulary), async (input) => {
        const key = keyIn(input);
        const answer = await within(5_000, channel, post(channel, JSON.stringify({ input }) ?? '{}'));
        const body = JSON.parse(answer.text) as { output?: unknown; error?: unknown };
        if (answer.status === 200) expectContractOutput(channel, body.output, key);
        else {
          expect([400, 413]).toContain(answer.status);
          expectSentence(body.error, key);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(logged).toEqual([]);
  });
});
