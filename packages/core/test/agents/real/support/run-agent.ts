import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentId } from '@switchboard/shared';
import { xdgOf } from './agent-home.js';
import { installAgent } from './install-agent.js';
import { PINNED_AGENTS } from './pinned-agents.js';

/** Nothing listens on the discard port: a call that tries to leave the machine through the proxy fails at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';

export interface AgentRun {
  agent: AgentId;
  args: readonly string[];
  /** The isolated home (makeAgentHome); the XDG folders are placed inside it. */
  home: string;
  /** Where the agent runs; default `home`. */
  cwd?: string;
  /** The test's own variables (base URL, key variable, config-moving variables), over the isolation. */
  env?: Readonly<Record<string, string>>;
  /** Default 120 s; the agent's whole process group is killed past it. */
  timeoutMs?: number;
  /** Texts never to show when the run is printed (keys); values of variables named like keys are masked too. */
  secrets?: readonly string[];
}

export interface AgentResult {
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
  /** The command, exit and output with every secret masked: the message for an `expect` that fails. */
  summary: string;
}

/**
 * Runs a pinned agent as a person would, but sealed: its own HOME and XDG folders, only PATH kept
 * from this process, HTTP(S)_PROXY at a dead loopback port with NO_PROXY for loopback (so only the
 * test servers on 127.0.0.1 answer), and the agent's offline variables. stdin is empty; stdout and
 * stderr go to files, since an agent may exit before a pipe has taken all it wrote.
 */
export async function runAgent(run: AgentRun): Promise<AgentResult> {
  const installed = await installAgent(run.agent);
  if (!installed.ok) throw new Error(`The real ${run.agent} is not installed: ${installed.reason}`);
  const pinned = PINNED_AGENTS[run.agent];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    LANG: 'C.UTF-8',
    HOME: run.home,
    ...xdgOf(run.home),
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    // The agents colour and animate for a terminal; the tests read plain text.
    NO_COLOR: '1',
    CI: '1',
    ...pinned.offlineEnv,
    ...run.env,
  };
  const args = [...pinned.offlineArgs, ...run.args];
  const out = await mkdtemp(join(tmpdir(), 'switchboard-agent-out-'));
  const [stdoutFile, stderrFile] = await Promise.all([open(join(out, 'stdout'), 'w'), open(join(out, 'stderr'), 'w')]);
  const started = performance.now();
  try {
    const child = spawn(installed.bin, args, { env, cwd: run.cwd ?? run.home, stdio: ['ignore', stdoutFile.fd, stderrFile.fd], detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, run.timeoutMs ?? 120_000);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    }).finally(() => clearTimeout(timer));
    // Helpers the agent started (language servers, a plugin install) must not outlive the test.
    killGroup(child.pid);
    const ms = Math.round(performance.now() - started);
    const [stdout, stderr] = await Promise.all([readFile(join(out, 'stdout'), 'utf8'), readFile(join(out, 'stderr'), 'utf8')]);
    const secrets = [...(run.secrets ?? []), ...keyLikeValues(run.env ?? {})];
    const summary = mask(
      [`${pinned.bin} ${args.join(' ')}`, `exit ${String(exitCode)}${timedOut ? ' (timed out)' : ''} after ${ms} ms`, `--- stdout\n${tail(stdout)}`, `--- stderr\n${tail(stderr)}`].join('\n'),
      secrets,
    );
    return { exitCode, timedOut, stdout, stderr, ms, summary };
  } finally {
    await Promise.all([stdoutFile.close(), stderrFile.close()]);
    await rm(out, { recursive: true, force: true });
  }
}

/** Ends the agent and whatever it left running (an MCP helper, a telemetry flush): spawned `detached`, it leads its own group. */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already gone.
  }
}

function keyLikeValues(env: Readonly<Record<string, string>>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => /KEY|TOKEN|SECRET|PASSWORD/i.test(name) && value.length >= 4)
    .map(([, value]) => value);
}

/** Every secret replaced by ***, the longest first so a key that contains another is masked whole. */
function mask(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) masked = masked.split(secret).join('***');
  return masked;
}

function tail(text: string): string {
  const limit = 8_000;
  return text.length > limit ? `…${text.slice(-limit)}` : text;
}
