import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHostProcess, type BrowserHostProcess } from '@switchboard/test-servers';
import { sendRaw, type RawAnswer } from '../../apps/desktop/test/browser-host/raw-http.js';

export { sendRaw, type RawAnswer };

export interface HostUnderAttack {
  port: number;
  token: string;
  /** The key stored in the keychain through the API before any attack. */
  key: string;
  /** Everything the host printed so far. */
  output(): string;
  /** Exited (its port refuses), or no longer answers an ordinary call: that is a crash. */
  crashed(): Promise<string | null>;
  /** An API call's request head, with the host's own Host and the token; `extra` can override either. */
  apiHead(channel: string, length: number, extra?: Record<string, string>): string;
  stop(): Promise<void>;
}

export function requestHead(method: string, target: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `${method} ${target} HTTP/1.1\r\n${lines.join('')}\r\n`;
}

/**
 * The built browser host as a process, with a key stored through its API (a
 * custom endpoint's, so that no other case's keychain account is touched).
 * Every address it could reach is on 127.0.0.1 (nothing listens at port 9).
 */
export async function startHostUnderAttack(key: string): Promise<HostUnderAttack> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-host-'));
  const host: BrowserHostProcess = await startBrowserHostProcess({
    ...process.env,
    SWITCHBOARD_USER_DATA: join(dir, 'data'),
    SWITCHBOARD_OPENCODE_CONFIG: join(dir, 'opencode', 'opencode.json'),
    SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/model_prices_and_context_window.json',
    SWITCHBOARD_OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
  });
  const address = new URL(host.url);
  const port = Number(address.port);
  const token = address.searchParams.get('token') ?? '';
  const apiHead = (channel: string, length: number, extra: Record<string, string> = {}) =>
    requestHead('POST', `/api/${channel}`, {
      host: address.host,
      connection: 'close',
      'content-type': 'application/json',
      'x-switchboard-token': token,
      'content-length': String(length),
      ...extra,
    });
  const call = async (channel: string, input: unknown) => {
    const body = JSON.stringify({ input });
    return sendRaw(port, [apiHead(channel, Buffer.byteLength(body)) + body], { waitMs: 5_000 });
  };
  const saved = await call('custom:save-endpoint', { name: 'Hostile host', url: 'http://127.0.0.1:9', key: { mode: 'provided', value: key }, selectedModel: null });
  if (saved.status !== 200 || !saved.body.includes('"ok":true')) {
    await host.stop();
    throw new Error(`Could not store the key through the host before the attacks: ${saved.status} ${saved.body.slice(0, 300)}`);
  }
  return {
    port,
    token,
    key,
    apiHead,
    output: () => host.output.join(''),
    async crashed() {
      const answer = await call('custom:list-endpoints', undefined);
      if (answer.status !== 200 || !answer.body.includes('hostile-host')) return `the host no longer answers an ordinary call (${answer.status})`;
      return null;
    },
    async stop() {
      await host.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
