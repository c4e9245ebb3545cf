import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built browser host's entry point (`pnpm build` makes it). */
const HOST_ENTRY = fileURLToPath(new URL('../apps/desktop/out/browser-host/main.js', import.meta.url));

export interface KeyringHost {
  /** The address to open, with its per-launch token. */
  url: string;
  /** Calls a channel through the host's HTTP API, as the page's bridge does. */
  call(channel: string, input: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The built browser host inside a D-Bus session of its own with a throwaway,
 * unlocked GNOME Keyring (as scripts/test.sh runs the tests): the playground
 * reads the saved key from the keychain on every send, so a bench that sends
 * needs a Secret Service, and must never touch the person's own.
 */
export async function startKeyringHost(publicMapUrl: string): Promise<KeyringHost> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-keyring-'));
  const script = `echo -n switchboard-bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "${process.execPath}" "${HOST_ENTRY}" --port 0`;
  // Its own process group, so that stopping it ends the session's bus and keyring with it.
  const child = spawn('dbus-run-session', ['--', 'bash', '-c', script], {
    env: { ...process.env, XDG_DATA_HOME: join(dir, 'keyring'), SWITCHBOARD_USER_DATA: join(dir, 'data'), SWITCHBOARD_PUBLIC_MODEL_MAP_URL: publicMapUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The browser host did not start in its keyring session:\n${output.join('')}`)), 20_000);
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const match = /Switchboard UI: (\S+)/.exec(output.join(''));
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => reject(new Error(`dbus-run-session could not be started (${error.message}); the playground bench needs dbus and gnome-keyring.`)));
    child.once('exit', (code) => reject(new Error(`The browser host's keyring session exited with ${code}:\n${output.join('')}`)));
  });
  const address = new URL(url);
  const token = address.searchParams.get('token') ?? '';
  return {
    url,
    async call(channel, input) {
      const response = await fetch(new URL(`/api/${encodeURIComponent(channel)}`, address.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-switchboard-token': token },
        body: JSON.stringify({ input }),
      });
      const body = (await response.json()) as { output?: unknown; error?: string };
      if (!response.ok) throw new Error(`${channel} was refused: ${body.error ?? response.status}`);
      return body.output;
    },
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
