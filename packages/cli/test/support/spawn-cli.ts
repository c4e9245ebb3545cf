import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/switchboard.mjs', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  pid: number;
  /** What it has written to stdout so far. */
  stdout: () => string;
  finished: Promise<Finished>;
}

/**
 * Starts a process with piped output and no stdin: `opencode run` reads a
 * piped stdin to its end before doing anything, so an open one would hang it.
 */
export function start(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Started {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd ?? REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { pid: child.pid ?? -1, stdout: () => stdout, finished };
}

export function run(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<Finished> {
  return start(command, args, options).finished;
}

/** `switchboard <args>` through the bin launcher, as a user's shell would run it. */
export function switchboard(args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<Finished> {
  return run(process.execPath, [BIN, ...args], options);
}

/** Polls until `ready()` holds; vitest's own timeout ends a wait that never does. */
export async function waitUntil(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 25));
}
