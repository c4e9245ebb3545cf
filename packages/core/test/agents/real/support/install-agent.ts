import { execFile } from 'node:child_process';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AgentId } from '@switchboard/shared';
import { makeAgentHome, xdgOf } from './agent-home.js';
import { PINNED_AGENTS, type PinnedAgent } from './pinned-agents.js';

const run = promisify(execFile);

/** npm's download of the biggest agent (Claude Code, ~200 MB with its platform binary) on a slow line. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const LOCK_POLL_MS = 500;
const READY_MARK = '.switchboard-installed';

export type Installed = { ok: true; agent: PinnedAgent; bin: string; dir: string } | { ok: false; agent: PinnedAgent; reason: string };

/**
 * Where the pinned agents live: `$SWITCHBOARD_AGENTS_CACHE`, else `${XDG_CACHE_HOME:-~/.cache}/switchboard-agents`.
 * Never the repository's node_modules: the agents are not dependencies of the app, and `pnpm install` stays lean.
 */
function agentsCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['SWITCHBOARD_AGENTS_CACHE'];
  if (explicit) return explicit;
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'switchboard-agents');
}

function installDir(agent: PinnedAgent): string {
  return join(agentsCacheRoot(), `${agent.pkg.replace('/', '+')}@${agent.version}`);
}

const inFlight = new Map<AgentId, Promise<Installed>>();

/**
 * The pinned package of `id`, installed once into the cache folder. Parallel callers (test files in
 * other workers, .ci/run's warm-up) share one install through a lock folder; the install goes to a
 * temporary folder renamed into place, so nobody ever sees half of one. A failed install (no
 * registry) is a value with the reason, for the test to skip on, loudly.
 */
export function installAgent(id: AgentId): Promise<Installed> {
  let pending = inFlight.get(id);
  if (!pending) {
    pending = installOnce(PINNED_AGENTS[id]);
    inFlight.set(id, pending);
  }
  return pending;
}

async function installOnce(agent: PinnedAgent): Promise<Installed> {
  const dir = installDir(agent);
  const bin = join(dir, 'node_modules', '.bin', agent.bin);
  const ready = async (): Promise<boolean> => exists(join(dir, READY_MARK));
  if (await ready()) return { ok: true, agent, bin, dir };
  await mkdir(agentsCacheRoot(), { recursive: true });
  const lock = `${dir}.lock`;
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  while (!(await takeLock(lock))) {
    if (await ready()) return { ok: true, agent, bin, dir };
    if (Date.now() > deadline) return { ok: false, agent, reason: `another process has held ${lock} for over ${INSTALL_TIMEOUT_MS / 60_000} minutes; remove it if no install is running.` };
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    if (await ready()) return { ok: true, agent, bin, dir };
    return await installInto(agent, dir, bin);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function installInto(agent: PinnedAgent, dir: string, bin: string): Promise<Installed> {
  const staging = `${dir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const spec = `${agent.pkg}@${agent.version}`;
  try {
    // Not --ignore-scripts: Claude Code's install script is what puts its real binary in place.
    await run('npm', ['install', '--prefix', staging, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
      timeout: INSTALL_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    const stagedBin = join(staging, 'node_modules', '.bin', agent.bin);
    // A wrapper without its platform binary (a missing optional package) installs "fine" and then cannot run.
    // In a throwaway home: even --version may leave files (Codex makes ~/.codex), never in the real one.
    const home = await makeAgentHome();
    try {
      const env = { PATH: process.env['PATH'], HOME: home.home, ...xdgOf(home.home), ...agent.offlineEnv };
      const { stdout } = await run(stagedBin, ['--version'], { timeout: 60_000, env, cwd: home.project });
      await writeFile(join(staging, READY_MARK), `${spec}\n${stdout.trim()}\n`);
    } finally {
      await home.remove();
    }
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
    return { ok: true, agent, bin, dir };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    return { ok: false, agent, reason: `could not install ${spec} into ${dir}: ${lastLines(error)}` };
  }
}

/** mkdir is atomic: the one who creates the folder holds the lock. A lock whose process is gone is taken over. */
async function takeLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    await writeFile(join(lock, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
    // No pid yet means the holder is between mkdir and writeFile: alive.
    if (holder > 0 && !alive(holder)) await rm(lock, { recursive: true, force: true });
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function lastLines(error: unknown): string {
  const failure = error as { stderr?: string; message?: string };
  const text = (failure.stderr?.trim() || failure.message || String(error)).split('\n');
  return text.slice(-6).join('\n');
}

/** The agent, installed; or null after saying loudly why its tests are skipped. */
export async function installedOrSkip(id: AgentId): Promise<Extract<Installed, { ok: true }> | null> {
  const installed = await installAgent(id);
  if (installed.ok) return installed;
  console.warn(`\n*** SKIPPED: the real ${id} tests: ${installed.reason}\n`);
  return null;
}

/**
 * All six, at once (separate folders; npm's own cache is safe to share), before the tests: what
 * .ci/run calls. Says how long each took; an agent that cannot be installed is reported, not fatal:
 * its tests skip with the reason.
 * @public .ci/run imports it by path (node -e), which knip cannot see.
 */
export async function warmAgentsCache(ids: readonly AgentId[] = Object.keys(PINNED_AGENTS) as AgentId[]): Promise<void> {
  const started = performance.now();
  const results = await Promise.all(
    ids.map(async (id) => {
      const t = performance.now();
      const installed = await installAgent(id);
      return `${id}: ${installed.ok ? 'ready' : `NOT INSTALLED (${installed.reason})`} in ${((performance.now() - t) / 1000).toFixed(1)} s`;
    }),
  );
  console.log(`Coding agents in ${agentsCacheRoot()}:\n  ${results.join('\n  ')}\n  all in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
