import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '@switchboard/shared';
import { startBrowserHostProcess } from '@switchboard/test-servers';
import { afterEach } from 'vitest';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A fresh user-data folder, removed after the case. */
export async function userDataFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-settings-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export interface HostOnFolder {
  call<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<ChannelOutput<C>>;
  /** Everything the host printed so far. */
  output(): string;
  /** Waits until the host has printed `text`, or gives up after a few seconds. */
  printed(text: string): Promise<boolean>;
}

/**
 * The built browser host, as a process, on `dir` as its user-data folder.
 * Every address it could reach is on 127.0.0.1 (nothing listens at port 9).
 */
export async function startHostOn(dir: string): Promise<HostOnFolder> {
  const host = await startBrowserHostProcess({
    ...process.env,
    SWITCHBOARD_USER_DATA: dir,
    SWITCHBOARD_OPENCODE_CONFIG: join(dir, 'opencode', 'opencode.json'),
    SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/model_prices_and_context_window.json',
    SWITCHBOARD_OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
  });
  cleanups.push(() => host.stop());
  const address = new URL(host.url);
  const token = address.searchParams.get('token') ?? '';
  const output = () => host.output.join('');
  return {
    output,
    async call(channel, ...input) {
      const response = await fetch(`${address.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-switchboard-token': token, origin: address.origin },
        body: JSON.stringify({ input: input[0] }),
      });
      const body = (await response.json()) as { output?: unknown; error?: string };
      if (!response.ok) throw new Error(`${channel} answered ${response.status}: ${body.error ?? ''}`);
      return body.output as ChannelOutput<typeof channel>;
    },
    async printed(text) {
      for (let waited = 0; waited < 3000; waited += 50) {
        if (output().includes(text)) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    },
  };
}
