import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createKeytarSecretStore } from '@switchboard/core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startPrivateSecretService, type PrivateSecretService } from '../../packages/core/test/support/private-secret-service.js';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';

const BIN = fileURLToPath(new URL('../../packages/cli/bin/switchboard.mjs', import.meta.url));
const KEY = 'sk-hostile-cli-0123456789';
const ENDPOINT_KEY = 'sk-hostile-endpoint-9876543210';
/** A start on a busy machine and the keychain's default deadline (4 s): anything longer is a hang. */
const ANSWERS_WITHIN_MS = 10_000;

let keychain: PrivateSecretService;
const service = `switchboard-hostile-cli-${process.pid}`;
const folders: string[] = [];
beforeAll(async () => {
  keychain = await startPrivateSecretService();
  const secrets = createKeytarSecretStore(service, { env: keychain.env });
  // Keys stored under accounts an attacker would reach for: a prototype name and an endpoint the settings do not list.
  for (const account of ['litellm', 'custom:constructor', 'custom:__proto__', 'custom:not-saved']) await secrets.set(account, KEY);
  await secrets.set('custom:saved', ENDPOINT_KEY);
});
afterAll(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  await keychain?.stop();
});

interface KeyRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `switchboard key <id>` as an agent runs it, against the private keychain and a user-data folder the case prepares. */
function switchboardKey(args: readonly string[], userData: string, options: { closeStdout?: boolean } = {}): Promise<KeyRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'key', ...args], {
    env: { ...keychain.env, SWITCHBOARD_KEYCHAIN_SERVICE: service, SWITCHBOARD_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  if (options.closeStdout) child.stdout.destroy();
  else child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), ANSWERS_WITHIN_MS);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

async function userDataFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-cli-'));
  folders.push(dir);
  return dir;
}

/**
 * What every answer must be: in time, by a status the README lists (a stack
 * trace or a signal is a crash), either the key alone on stdout or nothing on
 * stdout and one line on stderr, and no key of anyone's on stderr.
 */
function judge(probe: Probe, run: KeyRun, expected: { code: number; stdout: string }): void {
  if (run.signal !== null || run.code === null) probe.crash(`killed by ${run.signal ?? 'its deadline'} after ${run.ms} ms`);
  if (/^\s+at /m.test(run.stderr)) probe.crash('a stack trace on stderr');
  expect(run.ms, 'answers in time').toBeLessThan(ANSWERS_WITHIN_MS);
  expect(run.code).toBe(expected.code);
  expect(run.stdout).toBe(expected.stdout);
  if (expected.code !== 0) expect(run.stderr.trimEnd().split('\n'), 'one line').toHaveLength(1);
  probe.noLeak('switchboard key on stderr', run.stderr, [KEY, ENDPOINT_KEY]);
}

const SAVED = { platforms: { 'custom:saved': { url: 'http://127.0.0.1:8000', selectedModel: null } } };

/** Settings files a broken disk, a hand edit or an attacker could leave: the built-in platform's key is still printed, and a custom endpoint's only where the file really lists it. */
const SETTINGS: ReadonlyArray<readonly [string, (dir: string) => Promise<void>, { saved: boolean }]> = [
  ['a named pipe in place of settings.json (must not wait on it)', async (dir) => void execFileSync('mkfifo', [join(dir, 'settings.json')]), { saved: false }],
  ['a link to a settings file elsewhere (must not follow it)', async (dir) => {
    await writeFile(join(dir, 'elsewhere.json'), JSON.stringify(SAVED));
    await symlink(join(dir, 'elsewhere.json'), join(dir, 'settings.json'));
  }, { saved: false }],
  ['a folder named settings.json', (dir) => mkdir(join(dir, 'settings.json')), { saved: false }],
  ['20 MB of garbage', (dir) => writeFile(join(dir, 'settings.json'), 'x'.repeat(20 * 1024 * 1024)), { saved: false }],
  ['invalid UTF-8 and a NUL', (dir) => writeFile(join(dir, 'settings.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d])), { saved: false }],
  ['JSON null', (dir) => writeFile(join(dir, 'settings.json'), 'null'), { saved: false }],
  ['platforms as a list', (dir) => writeFile(join(dir, 'settings.json'), '{"platforms":[{"url":"x"}]}'), { saved: false }],
  ['an endpoint saved as null, beside the real one', (dir) => writeFile(join(dir, 'settings.json'), '{"platforms":{"custom:saved":{"url":"http://127.0.0.1:8000"},"custom:nulled":null}}'), { saved: true }],
  ['a __proto__ platform and a keychain deadline of 1e308', (dir) => writeFile(join(dir, 'settings.json'), '{"platforms":{"__proto__":{"url":"x"},"custom:saved":{"url":"y"}},"keychain":{"timeoutMs":1e308}}'), { saved: true }],
  ['a negative keychain deadline and a string one', (dir) => writeFile(join(dir, 'settings.json'), '{"keychain":{"timeoutMs":-1},"platforms":{"custom:saved":{"url":"y","keychain":{"timeoutMs":"0"}}}}'), { saved: true }],
];

const settingsCases: HostileCase[] = SETTINGS.map(([what, plant, { saved }]) => ({
  name: `cli: switchboard key with ${what} in the settings folder prints the built-in key, and an endpoint's only if truly saved`,
  async run(probe) {
    const dir = await userDataFolder();
    await plant(dir);
    judge(probe, await switchboardKey(['litellm'], dir), { code: 0, stdout: KEY });
    judge(probe, await switchboardKey(['custom:saved'], dir), saved ? { code: 0, stdout: ENDPOINT_KEY } : { code: 1, stdout: '' });
  },
}));

/** Ids an attacker (or a confused hand edit of an agent's config) could pass: none may reach a key that is not its own. */
const IDS: ReadonlyArray<readonly [string, readonly string[], number]> = [
  ['an endpoint the keychain holds but the settings do not list', ['custom:not-saved'], 1],
  ['custom:constructor, a name every object has', ['custom:constructor'], 1],
  ['custom:__proto__', ['custom:__proto__'], 2],
  ['__proto__', ['__proto__'], 2],
  ['a 100,000-character id', ['custom:' + 'a'.repeat(100_000)], 2],
  ['an id with a right-to-left override', ['lite\u202ellm'], 2],
  ['an id that is the key itself', [KEY], 2],
  ['the right id followed by a key', ['litellm', KEY], 2],
];

const idCases: HostileCase[] = IDS.map(([what, args, code]) => ({
  name: `cli: switchboard key with ${what} prints no key`,
  async run(probe) {
    const dir = await userDataFolder();
    await writeFile(join(dir, 'settings.json'), JSON.stringify(SAVED));
    judge(probe, await switchboardKey(args, dir), { code, stdout: '' });
  },
}));

const streamCases: HostileCase[] = [
  {
    name: 'cli: switchboard key whose reader has gone (stdout closed) ends without a stack trace or the key on stderr',
    async run(probe) {
      const dir = await userDataFolder();
      const run = await switchboardKey(['litellm'], dir, { closeStdout: true });
      if (run.signal !== null || run.code === null) probe.crash(`killed by ${run.signal ?? 'its deadline'}`);
      if (/^\s+at /m.test(run.stderr)) probe.crash('a stack trace on stderr');
      probe.noLeak('switchboard key on stderr', run.stderr, [KEY]);
    },
  },
];

hostileCases([...settingsCases, ...idCases, ...streamCases]);
