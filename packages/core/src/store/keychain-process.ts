import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

export type KeytarRequest =
  | { op: 'get'; service: string; account: string }
  | { op: 'set'; service: string; account: string; secret: string }
  | { op: 'delete'; service: string; account: string };

type KeytarAnswer = { id: number; ok: true; value: string | boolean | null } | { id: number; ok: false; message: string };

/**
 * Runs in the keychain process: one JSON request per line in, one answer per
 * line out. Secrets travel only over these pipes, never in arguments or the
 * environment, where another user's `ps` could see them.
 */
const WORKER_SOURCE = `
const keytar = require(process.argv[1]);
const answer = (reply) => process.stdout.write(JSON.stringify(reply) + '\\n');
const lines = require('node:readline').createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const request = JSON.parse(line);
  new Promise((resolve) => resolve(
    request.op === 'get' ? keytar.getPassword(request.service, request.account)
    : request.op === 'set' ? keytar.setPassword(request.service, request.account, request.secret)
    : keytar.deletePassword(request.service, request.account),
  )).then(
    (value) => answer({ id: request.id, ok: true, value: value === undefined ? null : value }),
    (error) => answer({ id: request.id, ok: false, message: String(error && error.message ? error.message : error) }),
  );
});
lines.on('close', () => process.exit(0));
`;

/** A failure of the keychain process itself (it could not start, or it died), as opposed to an answer from the keychain. */
export class KeychainProcessError extends Error {
  /** `abandoned`: ended on purpose while this call was in it (another call's deadline, a renewed connection): worth asking again. */
  constructor(
    message: string,
    readonly abandoned = false,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(value: string | boolean | null): void;
  reject(error: Error): void;
}

export interface KeychainProcessOptions {
  /** The environment the keychain process sees; tests point DBUS_SESSION_BUS_ADDRESS at a bus of their own. */
  env?: NodeJS.ProcessEnv | undefined;
  /** An idle keychain process is ended after this long, to give its memory back. */
  idleMs?: number | undefined;
}

/**
 * keytar in a process of its own. libsecret keeps one connection per process
 * for good: after the Secret Service restarts, every call in that process
 * fails until it exits, and a call to a Secret Service that never answers
 * holds a thread of the pool that file access needs too. Both are cured by
 * ending the process: {@link KeychainProcess.reset} does, and the next
 * request starts a fresh one. At most one process runs at a time, so calls
 * that never return cannot pile up.
 */
export class KeychainProcess {
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Which keychain process a request went to: one that failed is renewed once, not once per caller that saw it fail. */
  generation = 0;

  constructor(private readonly options: KeychainProcessOptions = {}) {}

  request(request: KeytarRequest): Promise<string | boolean | null> {
    const child = this.child ?? this.start();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.stdin?.write(`${JSON.stringify({ id, ...request })}\n`);
    });
  }

  /** Ends the process of `generation`, if it is still the current one, so that the next request gets a fresh connection. */
  renew(generation: number): void {
    if (this.generation === generation && this.child) this.reset(new KeychainProcessError('the Secret Service connection was renewed', true));
  }

  /** Ends the process and fails whatever it was still doing with `reason`. */
  reset(reason: Error): void {
    const child = this.child;
    this.child = null;
    if (child) child.kill('SIGKILL');
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const waiting of pending) waiting.reject(reason);
  }

  private start(): ChildProcess {
    let keytarPath: string;
    try {
      keytarPath = createRequire(import.meta.url).resolve('keytar');
    } catch {
      throw new KeychainProcessError('the keytar module is not installed');
    }
    // Inside Electron, execPath is Electron itself; this makes it a plain Node. keytar is a Node-API addon, so it loads there unrebuilt.
    const env = { ...(this.options.env ?? process.env), ELECTRON_RUN_AS_NODE: '1' };
    const child = spawn(process.execPath, ['-e', WORKER_SOURCE, keytarPath], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    this.child = child;
    this.generation += 1;
    // An idle keychain process must never keep Switchboard (or a CLI run) from exiting.
    child.unref();
    for (const stream of [child.stdin, child.stdout]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
    child.stdin?.on('error', () => {
      // A write to a process that just died; its exit below fails the request.
    });
    createInterface({ input: child.stdout! }).on('line', (line) => this.answer(line));
    const gone = (detail: string) => {
      if (this.child === child) this.reset(new KeychainProcessError(detail));
    };
    child.on('error', (error) => gone(`the keychain process could not start: ${error.message}`));
    child.on('exit', (code, signal) => gone(`the keychain process stopped (${signal ?? `exit code ${code}`})`));
    return child;
  }

  private answer(line: string): void {
    let reply: KeytarAnswer;
    try {
      reply = JSON.parse(line) as KeytarAnswer;
    } catch {
      return;
    }
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(reply.message));
    if (this.pending.size === 0) this.scheduleIdleEnd();
  }

  private scheduleIdleEnd(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) this.reset(new KeychainProcessError('idle'));
    }, this.options.idleMs ?? 30_000);
    this.idleTimer.unref();
  }
}
