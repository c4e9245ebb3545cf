import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, ContractInputError, type Channel, type SwitchboardApi } from '@switchboard/shared';
import { registerContractHandlers } from '../../src/main/ipc.js';
import { isTrustedSender } from '../../src/main/trusted-sender.js';
import { eventFrom, FakeFrame, FakeIpcMain, FakeWebContents } from './fake-electron.js';

const APP_URL = 'file:///opt/switchboard/out/renderer/index.html';
const SECRET = 'sk-very-secret-key-1234';

/** An API that records what it was called with and answers with a marker naming the channel. */
function recordingApi() {
  const calls: Array<{ channel: Channel; input: unknown }> = [];
  const api = Object.fromEntries(
    channels.map((channel) => [
      channel,
      async (input: unknown) => {
        calls.push({ channel, input });
        return { answeredBy: channel };
      },
    ]),
  ) as unknown as SwitchboardApi;
  return { api, calls };
}

describe('registerContractHandlers', () => {
  let ipc: FakeIpcMain;
  let calls: Array<{ channel: Channel; input: unknown }>;
  let refusals: string[];
  let own: FakeWebContents;
  let consoleSpies: Array<ReturnType<typeof vi.spyOn>>;

  beforeEach(() => {
    ipc = new FakeIpcMain();
    const recording = recordingApi();
    calls = recording.calls;
    refusals = [];
    own = new FakeWebContents(APP_URL);
    const window = { webContents: own };
    registerContractHandlers(
      ipc,
      recording.api,
      (event) => isTrustedSender(event, window, APP_URL),
      (message) => refusals.push(message),
    );
    consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => undefined),
    );
  });

  afterEach(() => {
    // Whatever happened in the test, no input may have reached any console.
    for (const spy of consoleSpies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(SECRET);
      spy.mockRestore();
    }
  });

  const trusted = () => eventFrom(own) as unknown as IpcMainInvokeEvent;

  it('registers every contract channel once, and nothing else', () => {
    expect([...ipc.handleCalls].sort()).toEqual([...channels].sort());
    expect(new Set(ipc.handleCalls).size).toBe(ipc.handleCalls.length);
  });

  it('passes the parsed input to the API and returns its output', async () => {
    const output = await ipc.invoke('litellm:set-config', trusted(), {
      url: 'http://localhost:4000',
      key: { mode: 'provided', value: `  ${SECRET}  ` },
      selectedModel: 'gpt-4o',
      unexpected: 'dropped by the schema',
    });
    expect(output).toEqual({ answeredBy: 'litellm:set-config' });
    // Trimmed and stripped: proof the API got the schema's output, not the raw message.
    expect(calls).toEqual([
      {
        channel: 'litellm:set-config',
        input: { url: 'http://localhost:4000', key: { mode: 'provided', value: SECRET }, selectedModel: 'gpt-4o' },
      },
    ]);
  });

  it('calls each channel with no input as such', async () => {
    await expect(ipc.invoke('litellm:get-config', trusted())).resolves.toEqual({ answeredBy: 'litellm:get-config' });
    expect(calls).toEqual([{ channel: 'litellm:get-config', input: undefined }]);
  });

  it.each([
    ['a number as URL', 'litellm:test-connection', { url: 42, key: { mode: 'none' } }],
    ['no key field', 'litellm:test-connection', { url: 'http://localhost:4000' }],
    ['an unknown key mode', 'litellm:test-connection', { url: 'http://localhost:4000', key: { mode: 'plaintext' } }],
    ['an empty provided key', 'litellm:set-config', { url: 'http://x', key: { mode: 'provided', value: '  ' }, selectedModel: 'm' }],
    ['no selected model', 'litellm:set-config', { url: 'http://x', key: { mode: 'none' } }],
    ['an input where none is taken', 'litellm:get-config', { sneaky: true }],
    ['no input at all', 'litellm:set-config', undefined],
  ] as const)('refuses %s with ContractInputError and never calls the API', async (_name, channel, input) => {
    const attempt = ipc.invoke(channel, trusted(), input);
    await expect(attempt).rejects.toBeInstanceOf(ContractInputError);
    await expect(attempt).rejects.toThrow(`Invalid input for ${channel}`);
    expect(calls).toEqual([]);
  });

  describe('a foreign sender', () => {
    const input = { url: 'http://localhost:4000', key: { mode: 'provided', value: SECRET } };

    it.each([
      ['another webContents', () => eventFrom(new FakeWebContents(APP_URL))],
      ['a subframe of the app window', () => eventFrom(own, new FakeFrame(APP_URL))],
      ['the app window showing https://evil.example', () => {
        own.mainFrame.url = 'https://evil.example/';
        return eventFrom(own);
      }],
      ['the app window showing another local file', () => {
        own.mainFrame.url = 'file:///tmp/evil.html';
        return eventFrom(own);
      }],
      ['a frame that is already gone', () => eventFrom(own, null)],
    ])('is refused when it is %s, and the API is never called', async (_name, makeEvent) => {
      const event = makeEvent() as unknown as IpcMainInvokeEvent;
      await expect(ipc.invoke('litellm:test-connection', event, input)).rejects.toThrow(/refused the litellm:test-connection request/);
      expect(calls).toEqual([]);
    });

    it('is logged with channel and sender URL, never with the input', async () => {
      own.mainFrame.url = 'https://evil.example/page';
      await expect(ipc.invoke('litellm:test-connection', eventFrom(own), input)).rejects.toThrow();
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toContain('litellm:test-connection');
      expect(refusals[0]).toContain('https://evil.example/page');
      expect(refusals[0]).not.toContain(SECRET);
    });

    it('is refused before its input is looked at', async () => {
      own.mainFrame.url = 'https://evil.example/';
      // Invalid input from a foreign sender still gets the refusal, not a validation report about it.
      await expect(ipc.invoke('litellm:test-connection', eventFrom(own), { url: 42 })).rejects.toThrow(/refused/);
    });
  });

  describe('a channel that fails unexpectedly', () => {
    it('answers with a sentence, not the error, and logs only the channel and the error name', async () => {
      const failing = new FakeIpcMain();
      const lines: string[] = [];
      const api = {
        ...recordingApi().api,
        'litellm:test-connection': async () => {
          throw new RangeError(`exploded while holding ${SECRET}`);
        },
      } as SwitchboardApi;
      registerContractHandlers(failing, api, () => true, (line) => lines.push(line));
      const attempt = failing.invoke('litellm:test-connection', trusted(), { url: 'http://127.0.0.1:1', key: { mode: 'provided', value: SECRET } });
      await expect(attempt).rejects.toThrow(/internal error while answering litellm:test-connection/);
      await expect(attempt).rejects.not.toThrow(SECRET);
      expect(lines).toEqual(['switchboard: litellm:test-connection failed unexpectedly (RangeError)']);
    });
  });
});
