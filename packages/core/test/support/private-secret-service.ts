import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A session bus with no service files: nothing is started on demand, so a
 * Secret Service that was killed stays gone until the test starts it again.
 */
const busConfig = (socket: string) => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

export interface PrivateSecretService {
  /** For the keychain process, gdbus and secret-tool: this bus, this keyring. */
  env: NodeJS.ProcessEnv;
  /** Starts GNOME Keyring on the bus with a fresh, unlocked login keyring (or the one it had, unlocked again). */
  start(): Promise<void>;
  /** SIGKILLs GNOME Keyring, as a crash would. */
  kill(): Promise<void>;
  /** Locks the login keyring, as the screen locker or a timeout would. */
  lock(): Promise<void>;
  /** Freezes GNOME Keyring: the bus still takes calls for it, and nothing ever answers. */
  freeze(): void;
  thaw(): void;
  /** What `secret-tool lookup` prints for an entry, as a person would check it; null when there is none. */
  lookup(service: string, account: string): Promise<string | null>;
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A D-Bus session of the test's own with its own GNOME Keyring, to lock, freeze, kill and restart without touching anyone else's. */
export async function startPrivateSecretService(): Promise<PrivateSecretService> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-secret-service-'));
  const socket = join(dir, 'bus');
  await writeFile(join(dir, 'bus.conf'), busConfig(socket));
  const bus = spawn('dbus-daemon', ['--config-file', join(dir, 'bus.conf'), '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    let printed = '';
    bus.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('\n')) resolve(printed.trim());
    });
    bus.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before it listened`)));
  });
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: dir, XDG_DATA_HOME: dir, XDG_RUNTIME_DIR: dir, DBUS_SESSION_BUS_ADDRESS: address };
  let keyring: ChildProcess | null = null;

  const gdbus = (...args: string[]) => run('gdbus', ['call', '--session', ...args], { env, timeout: 5_000 });
  const serviceOwned = async () => {
    const { stdout } = await gdbus('--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.NameHasOwner', 'org.freedesktop.secrets');
    return stdout.includes('true');
  };

  const service: PrivateSecretService = {
    env,
    async start() {
      const started = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
      keyring = started;
      started.stdin.end('switchboard-test');
      for (let tries = 0; !(await serviceOwned()); tries += 1) {
        if (tries > 100 || started.exitCode !== null) throw new Error('GNOME Keyring did not come up on the private bus');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill() {
      const running = keyring;
      keyring = null;
      if (!running) return;
      running.kill('SIGKILL');
      await waitForExit(running);
    },
    async lock() {
      await gdbus('--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', '--method', 'org.freedesktop.Secret.Service.Lock', "[objectpath '/org/freedesktop/secrets/collection/login']");
    },
    freeze: () => void keyring?.kill('SIGSTOP'),
    thaw: () => void keyring?.kill('SIGCONT'),
    async lookup(name, account) {
      try {
        const { stdout } = await run('secret-tool', ['lookup', 'service', name, 'account', account], { env, timeout: 5_000, encoding: 'utf8' });
        return stdout;
      } catch {
        return null;
      }
    },
    async stop() {
      service.thaw();
      await service.kill();
      bus.kill('SIGKILL');
      await waitForExit(bus);
      await rm(dir, { recursive: true, force: true });
    },
  };
  await service.start();
  return service;
}

/** A D-Bus address whose socket accepts connections and never says a word: the handshake waits forever. */
export async function startSilentBus(): Promise<{ address: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-silent-bus-'));
  const socket = join(dir, 'bus');
  const connections = new Set<Socket>();
  const server: Server = createServer((connection) => {
    connections.add(connection);
    connection.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    address: `unix:path=${socket}`,
    async stop() {
      for (const connection of connections) connection.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function onPath(tool: string): boolean {
  return (process.env['PATH'] ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, tool)));
}

const NEEDED = ['dbus-daemon', 'gnome-keyring-daemon', 'gdbus', 'secret-tool'];
/** The tools a private Secret Service needs; where one is missing, the tests that need it say so and skip. */
export const missingSecretServiceTools = NEEDED.filter((tool) => !onPath(tool));
export const NO_PRIVATE_SECRET_SERVICE = `SKIPPED: ${missingSecretServiceTools.join(', ')} not installed (sudo apt-get install dbus gnome-keyring libglib2.0-bin libsecret-tools)`;
if (missingSecretServiceTools.length > 0) console.warn(`\n*** ${NO_PRIVATE_SECRET_SERVICE} ***\n`);
