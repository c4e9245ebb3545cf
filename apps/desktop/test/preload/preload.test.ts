import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type SwitchboardBridge } from '@switchboard/shared';

const electron = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: electron.invoke,
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send');
    },
    on: () => {
      throw new Error('the preload must not listen to ipcRenderer');
    },
  },
}));

await import('../../src/preload/index.js');

function exposedBridge(): SwitchboardBridge {
  const [entry] = electron.exposed;
  if (!entry) throw new Error('nothing was exposed');
  return entry[1] as SwitchboardBridge;
}

/** Calls the bridge as the page can: with any channel string and any arguments. */
function callAsPage(channel: unknown, ...args: unknown[]): Promise<unknown> {
  return (exposedBridge().invoke as (...all: unknown[]) => Promise<unknown>)(channel, ...args);
}

beforeEach(() => {
  electron.invoke.mockReset();
  electron.invoke.mockImplementation(async (channel) => ({ from: 'main', channel }));
});

describe('preload', () => {
  it('exposes exactly one thing, window.switchboard, with only invoke', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['switchboard']);
    const bridge = exposedBridge();
    expect(Reflect.ownKeys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
  });

  it.each(channels)('forwards %s to ipcRenderer.invoke with the same input and returns its answer', async (channel) => {
    const input = { url: 'http://localhost:4000', key: { mode: 'none' } };
    await expect(callAsPage(channel, input)).resolves.toEqual({ from: 'main', channel });
    expect(electron.invoke.mock.calls).toEqual([[channel, input]]);
    expect(electron.invoke.mock.calls[0]?.[1]).toBe(input);
  });

  it('forwards a channel called without input', async () => {
    await exposedBridge().invoke('litellm:get-config');
    expect(electron.invoke.mock.calls).toEqual([['litellm:get-config', undefined]]);
  });

  it('passes on a rejection from main', async () => {
    electron.invoke.mockRejectedValueOnce(new Error('Invalid input for litellm:set-config'));
    await expect(callAsPage('litellm:set-config', {})).rejects.toThrow('Invalid input for litellm:set-config');
  });

  it('sends no extra arguments the page adds', async () => {
    await callAsPage('litellm:get-config', undefined, 'extra', { more: true });
    expect(electron.invoke.mock.calls).toEqual([['litellm:get-config', undefined]]);
  });

  it.each(['evil:channel', 'electron-store-get-data', 'toString', '__proto__', 'constructor', '', 42, null, { toString: () => 'litellm:get-config' }])(
    'rejects %o without calling ipcRenderer',
    async (channel) => {
      await expect(callAsPage(channel, {})).rejects.toThrow(/has no channel/);
      expect(electron.invoke).not.toHaveBeenCalled();
    },
  );
});
