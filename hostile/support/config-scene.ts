import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi } from '@switchboard/core';
import type { SwitchboardApi } from '@switchboard/shared';
import { startLiteLLMServer } from '@switchboard/test-servers';
import { afterEach, expect } from 'vitest';
import { memorySecretStore } from '../../packages/core/test/support/memory-secret-store.js';
import type { Probe } from './hostile-cases.js';

/** The config writer's stage for hostile cases: a real API, a loopback proxy, a config and a file a planted link may aim at. */
// The master key the LiteLLM test server accepts.
export const KEY = 'sk-master-1234';
export const OLD = '{\n  // the user\'s own settings\n  "theme": "opencode",\n  "username": "ada"\n}\n';
export const VICTIM = 'precious: a file the config writer must never touch\n';
/** A file answer must come this fast; a FIFO or a device used to hold it forever. */
const ANSWER_WITHIN_MS = 5_000;
export const CHILD = fileURLToPath(new URL('./config-writer-child.ts', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
/** Runs `cleanup` after the current case, pass or fail. */
export const afterCase = (...cleanup: Array<() => Promise<void>>): void => void cleanups.push(...cleanup);

export interface Scene {
  api: SwitchboardApi;
  dir: string;
  /** opencode's config, in a folder of its own. */
  file: string;
  /** A file outside that folder, standing for ~/.bashrc: a planted link points here. */
  victim: string;
}

/** The real API on a temp folder, LiteLLM (a loopback test server) set up with a model chosen, and a config already there. */
export async function scene(existing: string | Buffer | null = OLD): Promise<Scene> {
  const server = await startLiteLLMServer();
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-config-'));
  cleanups.push(() => server.close(), () => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'opencode', 'opencode.json');
  const victim = join(dir, 'victim.txt');
  await mkdir(join(dir, 'opencode'));
  await writeFile(victim, VICTIM);
  if (existing !== null) await writeFile(file, existing);
  const api = createApi({
    userDataDir: join(dir, 'data'),
    secrets: memorySecretStore(),
    env: { SWITCHBOARD_OPENCODE_CONFIG: file, SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map.json` },
    overrides: { home: dir },
  });
  const saved = await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: KEY }, selectedModel: 'gpt-4o' });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  return { api, dir, file, victim };
}

/** An answer within the bound, or a crash: a channel that never answers is what the user sees as a hung app. */
export async function answered<T>(probe: Probe, what: string, call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((done) => {
    timer = setTimeout(() => done('late'), ANSWER_WITHIN_MS);
  });
  const answer = await Promise.race([call, late]);
  clearTimeout(timer);
  if (answer === 'late') {
    probe.crash(`${what} did not answer within ${ANSWER_WITHIN_MS / 1000} s`);
    throw new Error(`${what} did not answer`);
  }
  return answer;
}

export async function bytesOf(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/** Records the config or the victim as lost when their bytes are not what they were. */
export async function expectKept(probe: Probe, path: string, before: Buffer | string | null, what: string): Promise<void> {
  const now = await bytesOf(path);
  const same = before === null ? now === null : now !== null && now.equals(Buffer.from(before));
  if (!same) probe.lost(`${what} (${path}) changed`);
}

/** The configs written here hold comments only on lines of their own (the user's, kept); JSON.parse reads the rest. */
export function parse(text: string): unknown {
  return JSON.parse(text.replace(/^\s*(\/\/.*|\/\*.*\*\/)$/gm, ''));
}

export const makeFifo = async (path: string) => void execFileSync('mkfifo', [path]);
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});
export const makeSocket = (path: string) =>
  new Promise<void>((done) => {
    const server = createServer();
    servers.push(server);
    server.listen(path, () => done());
  });
