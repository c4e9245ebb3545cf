import { execFileSync, spawn } from 'node:child_process';
import { link, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, writeConfigFile } from '@switchboard/core';
import type { Result, SwitchboardApi } from '@switchboard/shared';
import { startLiteLLMServer } from '@switchboard/test-servers';
import { afterEach, expect } from 'vitest';
import { STALE_AFTER_MS } from '../../packages/core/src/files/index.js';
import { memorySecretStore } from '../../packages/core/test/support/memory-secret-store.js';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';
import { configVersion, versionOf } from './config-versions.js';

// The master key the LiteLLM test server accepts.
const KEY = 'sk-master-1234';
const OLD = '{\n  // the user\'s own settings\n  "theme": "opencode",\n  "username": "ada"\n}\n';
const VICTIM = 'precious: a file the config writer must never touch\n';
/** A file answer must come this fast; a FIFO or a device used to hold it forever. */
const ANSWER_WITHIN_MS = 5_000;
const CHILD = fileURLToPath(new URL('./config-writer-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

interface Scene {
  api: SwitchboardApi;
  dir: string;
  /** opencode's config, in a folder of its own. */
  file: string;
  /** A file outside that folder, standing for ~/.bashrc: a planted link points here. */
  victim: string;
}

/** The real API on a temp folder, LiteLLM (a loopback test server) set up with a model chosen, and a config already there. */
async function scene(existing: string | Buffer | null = OLD): Promise<Scene> {
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
async function answered<T>(probe: Probe, what: string, call: Promise<T>): Promise<T> {
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

async function bytesOf(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/** Records the config or the victim as lost when their bytes are not what they were. */
async function expectKept(probe: Probe, path: string, before: Buffer | string | null, what: string): Promise<void> {
  const now = await bytesOf(path);
  const same = before === null ? now === null : now !== null && now.equals(Buffer.from(before));
  if (!same) probe.lost(`${what} (${path}) changed`);
}

/** The configs written here hold comments only on lines of their own (the user's, kept); JSON.parse reads the rest. */
function parse(text: string): unknown {
  return JSON.parse(text.replace(/^\s*(\/\/.*|\/\*.*\*\/)$/gm, ''));
}

const makeFifo = async (path: string) => void execFileSync('mkfifo', [path]);
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});
const makeSocket = (path: string) =>
  new Promise<void>((done) => {
    const server = createServer();
    servers.push(server);
    server.listen(path, () => done());
  });

// ---------------------------------------------------------------------------------------------
// Things planted at the paths the writer touches. Refused: both channels answer with a sentence
// naming the path, and nothing is written anywhere. Written: the write lands in the config only.

interface Planted {
  what: string;
  plant(scene: Scene): Promise<void>;
  /** Where no config exists first (the plant is at the config path itself). */
  noConfig?: boolean;
  outcome: { refused: string } | 'written';
}

const PLANTED: readonly Planted[] = [
  { what: 'a link at the backup pointing at another file', plant: (s) => symlink(s.victim, `${s.file}.bak`), outcome: { refused: '.bak is a symbolic link' } },
  { what: 'a link at the backup pointing nowhere yet', plant: (s) => symlink(join(s.dir, 'created-by-link'), `${s.file}.bak`), outcome: { refused: '.bak is a symbolic link' } },
  { what: 'a link at the backup pointing at the config itself', plant: (s) => symlink(s.file, `${s.file}.bak`), outcome: { refused: '.bak is a symbolic link' } },
  // A hard link looks like a regular file; copying into it would overwrite the other name's contents. Renaming over it does not.
  { what: 'a hard link at the backup to another file', plant: (s) => link(s.victim, `${s.file}.bak`), outcome: 'written' },
  { what: 'a FIFO at the backup', plant: (s) => makeFifo(`${s.file}.bak`), outcome: { refused: '.bak is a named pipe (FIFO)' } },
  { what: 'a folder at the backup', plant: (s) => mkdir(`${s.file}.bak`), outcome: { refused: '.bak is a folder' } },
  { what: 'a FIFO at the config path', noConfig: true, plant: (s) => makeFifo(s.file), outcome: { refused: 'is a named pipe (FIFO), not a regular file' } },
  { what: 'a socket at the config path', noConfig: true, plant: (s) => makeSocket(s.file), outcome: { refused: 'is a socket, not a regular file' } },
  { what: 'a folder at the config path', noConfig: true, plant: (s) => mkdir(s.file), outcome: { refused: 'is a folder, not a regular file' } },
  { what: 'a link to /dev/zero at the config path', noConfig: true, plant: (s) => symlink('/dev/zero', s.file), outcome: { refused: 'is a character device' } },
  { what: 'a link to /dev/urandom at the config path', noConfig: true, plant: (s) => symlink('/dev/urandom', s.file), outcome: { refused: 'is a character device' } },
  {
    what: 'a link to a FIFO at the config path',
    noConfig: true,
    plant: async (s) => {
      await makeFifo(join(s.dir, 'pipe'));
      await symlink(join(s.dir, 'pipe'), s.file);
    },
    outcome: { refused: 'is a named pipe (FIFO)' },
  },
  { what: 'a dangling link at the config path', noConfig: true, plant: (s) => symlink(join(s.dir, 'nowhere', 'x.json'), s.file), outcome: { refused: 'is a link to a file that does not exist' } },
  { what: 'a 6 MiB file at the config path', plant: (s) => truncate(s.file, 6 * 1024 * 1024), outcome: { refused: 'larger than 5 MiB' } },
  {
    what: 'links at predictable temporary names (plain, old 12-hex, atomically-style timestamps)',
    plant: async (s) => {
      const stamp = Date.now().toString().slice(-10);
      const names = ['.tmp', '.tmp-000000000000', `.tmp-${stamp}000000`, `.tmp-${stamp}ffffff`, '.bak.tmp', '.bak.tmp-000000000000'];
      for (const name of names) await symlink(s.victim, `${s.file}${name}`);
    },
    outcome: 'written',
  },
  {
    what: 'a link at the config path to a dotfiles copy (written through, as editors do)',
    noConfig: true,
    plant: async (s) => {
      await mkdir(join(s.dir, 'dotfiles'));
      await writeFile(join(s.dir, 'dotfiles', 'opencode.json'), OLD);
      await symlink(join(s.dir, 'dotfiles', 'opencode.json'), s.file);
    },
    outcome: 'written',
  },
];

const plantedCases: HostileCase[] = PLANTED.map((planted) => ({
  name: `config writer: ${planted.what}`,
  async run(probe) {
    const s = await scene(planted.noConfig ? null : OLD);
    await planted.plant(s);
    // Not read when the plant is at the config path: reading a FIFO or /dev/zero is exactly what must never happen.
    const before = planted.noConfig ? null : await bytesOf(s.file);
    const folder = (await readdir(join(s.dir, 'opencode'))).sort();
    const preview = await answered(probe, 'opencode:preview', s.api['opencode:preview']({ platform: 'litellm' }));
    const written = await answered(probe, 'opencode:write', s.api['opencode:write']({ platform: 'litellm', fingerprint: null }));
    await expectKept(probe, s.victim, VICTIM, 'the file a planted link points at');
    probe.noLeak('the answers', JSON.stringify([preview, written]), [KEY]);
    if (planted.outcome === 'written') {
      expect(written, JSON.stringify(written)).toMatchObject({ ok: true });
      const text = await readFile(s.file, 'utf8');
      expect(parse(text)).toMatchObject({ model: 'litellm/gpt-4o', provider: { litellm: { npm: '@ai-sdk/openai-compatible' } } });
      if (!(await lstat(`${s.file}.bak`)).isFile()) probe.lost('the backup is not a regular file');
      if (!planted.noConfig) await expectKept(probe, `${s.file}.bak`, OLD, 'the backup of the previous config');
      return;
    }
    // The write is refused before anything is opened; the preview too, unless only the backup is wrong.
    const refusal = planted.outcome.refused;
    for (const answer of planted.noConfig || refusal.includes('MiB') ? [preview, written] : [written]) {
      expect(answer).toMatchObject({ ok: false, error: { kind: 'config-write', message: expect.stringContaining(refusal) } });
      expect(!answer.ok && answer.error.message).toContain(join(s.dir, 'opencode'));
    }
    if (before !== null) await expectKept(probe, s.file, before, 'the config');
    if (JSON.stringify((await readdir(join(s.dir, 'opencode'))).sort()) !== JSON.stringify(folder)) probe.lost('the config folder changed');
    await expect(lstat(join(s.dir, 'created-by-link'))).rejects.toThrow();
  },
}));

// ---------------------------------------------------------------------------------------------
// Documents a user (or a broken tool) may leave in the file. Refused: a config-invalid sentence
// with the position, the file untouched. Fine: written, keeping what made it odd.

interface Document {
  what: string;
  bytes: Buffer | string;
  outcome: { refused: RegExp } | { written: (bytes: Buffer) => void };
}

const AT = /line \d+, column \d+/;
const DOCUMENTS: readonly Document[] = [
  { what: 'Latin-1 bytes (not UTF-8)', bytes: Buffer.concat([Buffer.from('{\n  "username": "Ad'), Buffer.from([0xe9, 0x6c, 0x65]), Buffer.from('"\n}\n')]), outcome: { refused: /not UTF-8 text: an invalid byte sequence at line 2, column 18 \(byte 19\)/ } },
  { what: 'a UTF-16 surrogate encoded as UTF-8', bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), outcome: { refused: /not UTF-8 text: .* at line 1, column 7/ } },
  { what: 'UTF-16 with its byte-order mark', bytes: Buffer.from(`\uFEFF${OLD}`, 'utf16le'), outcome: { refused: /not UTF-8 text: .* at line 1, column 1/ } },
  { what: 'a key twice', bytes: '{\n  "model": "a/b",\n  "model": "c/d"\n}\n', outcome: { refused: /the key "model" twice in one object \(at line 2, column 3 and line 3, column 3\)/ } },
  { what: '"provider" twice, the first not an object', bytes: '{"provider": 1, "provider": {}}', outcome: { refused: /the key "provider" twice/ } },
  { what: 'a depth bomb of a million brackets', bytes: '['.repeat(1_000_000), outcome: { refused: /more than 64 deep \(at line 1, column 65\)/ } },
  { what: 'objects nested 100,000 deep', bytes: `{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_001)}`, outcome: { refused: /more than 64 deep/ } },
  { what: 'a top-level list', bytes: '[{"model": "x/y"}]\n', outcome: { refused: /does not hold a JSON object at the top level/ } },
  { what: 'a top-level string', bytes: '"opencode"\n', outcome: { refused: /does not hold a JSON object at the top level/ } },
  { what: 'a NUL byte between members', bytes: '{\n  "a": 1,\u0000\n  "b": 2\n}\n', outcome: { refused: AT } },
  { what: 'a document cut off mid-way', bytes: '{\n  "provider": {\n    "litellm": {', outcome: { refused: AT } },
  { what: '"provider" as a list', bytes: '{ "provider": [] }\n', outcome: { refused: /"provider" in .* is not an object/ } },
  {
    what: 'a UTF-8 byte-order mark',
    bytes: `\uFEFF${OLD}`,
    outcome: {
      written: (bytes) => {
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(parse(bytes.subarray(3).toString('utf8'))).toMatchObject({ username: 'ada', model: 'litellm/gpt-4o' });
      },
    },
  },
  {
    what: 'CRLF line ends',
    bytes: OLD.replaceAll('\n', '\r\n'),
    outcome: {
      written: (bytes) => {
        const text = bytes.toString('utf8');
        expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
        expect(parse(text)).toMatchObject({ theme: 'opencode', model: 'litellm/gpt-4o' });
      },
    },
  },
  { what: 'an empty file', bytes: '', outcome: { written: (bytes) => expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ model: 'litellm/gpt-4o' }) } },
  { what: 'only comments', bytes: '// opencode config\n/* nothing yet */\n', outcome: { written: (bytes) => expect(bytes.toString('utf8')).toMatch(/^\/\/ opencode config\n/) } },
  {
    what: 'a "__proto__" key inside provider',
    bytes: '{\n  "provider": {\n    "__proto__": { "litellm": 5 }\n  }\n}\n',
    outcome: { written: (bytes) => expect(bytes.toString('utf8')).toContain('"__proto__": { "litellm": 5 }') },
  },
];

const documentCases: HostileCase[] = DOCUMENTS.map((document) => ({
  name: `config writer: a config holding ${document.what}`,
  async run(probe) {
    const s = await scene(document.bytes);
    const preview = await answered(probe, 'opencode:preview', s.api['opencode:preview']({ platform: 'litellm' }));
    const written = await answered(probe, 'opencode:write', s.api['opencode:write']({ platform: 'litellm', fingerprint: null }));
    probe.noLeak('the answers', JSON.stringify([preview, written]), [KEY]);
    if ('refused' in document.outcome) {
      for (const answer of [preview, written]) {
        expect(answer).toMatchObject({ ok: false, error: { kind: 'config-invalid', message: expect.stringMatching(document.outcome.refused) } });
        expect(!answer.ok && answer.error.message).toContain(s.file);
      }
      await expectKept(probe, s.file, Buffer.from(document.bytes), 'the config');
      return;
    }
    expect(written, JSON.stringify(written)).toMatchObject({ ok: true });
    document.outcome.written(await readFile(s.file));
    await expectKept(probe, `${s.file}.bak`, Buffer.from(document.bytes), 'the backup');
  },
}));

// ---------------------------------------------------------------------------------------------
// Faults: kill -9 in the middle of writes, and many writes at once.

const LANES = 3;
const ROUNDS_PER_LANE = 10;
const FAULT_BUDGET_MS = 18_000;

/** Deterministic, so a failure can be replayed from the seed in its message. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Starts the child writer, lets it write for `ms` after it is ready, then kills it with SIGKILL. Crashed: it stopped by itself. */
function killMidWrite(file: string, firstVersion: number, ms: number): Promise<{ crashed: string | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(firstVersion)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => {
      setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, ms);
    });
    child.on('exit', (code, signal) => done({ crashed: killed && signal === 'SIGKILL' ? null : `the writer stopped by itself (${code ?? signal}): ${stderr.trim()}` }));
  });
}

async function killLane(probe: Probe, lane: number, seed: number, started: number): Promise<number> {
  const random = randomFrom(seed + lane);
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-kill-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'opencode.json');
  await writeFile(file, configVersion(0));
  let rounds = 0;
  for (let round = 0; round < ROUNDS_PER_LANE && Date.now() - started < FAULT_BUDGET_MS; round += 1) {
    const { crashed } = await killMidWrite(file, (round + 1) * 1000, 20 + Math.floor(random() * 250));
    if (crashed !== null) probe.crash(`lane ${lane} round ${round} (seed ${seed}): ${crashed}`);
    const version = versionOf(await readFile(file, 'utf8').catch(() => ''));
    if (version === null) probe.lost(`lane ${lane} round ${round} (seed ${seed}): ${file} is not a whole version after kill -9`);
    const backup = versionOf(await readFile(`${file}.bak`, 'utf8').catch(() => ''));
    if (round > 0 && backup === null) probe.lost(`lane ${lane} round ${round} (seed ${seed}): the backup is not a whole version after kill -9`);
    rounds += 1;
  }
  // Temporary files of killed writes: a later write must not trip on them, and clears them once they are old.
  const strays = (await readdir(dir)).filter((name) => name.includes('.tmp-')).map((name) => join(dir, name));
  const longAgo = new Date(Date.now() - STALE_AFTER_MS - 1_000);
  for (const stray of strays) await utimes(stray, longAgo, longAgo);
  const next = await writeConfigFile(file, configVersion(1), { backup: true });
  expect(next, JSON.stringify(next)).toMatchObject({ ok: true });
  expect((await readdir(dir)).sort()).toEqual(['opencode.json', 'opencode.json.bak']);
  return rounds;
}

const faultCases: HostileCase[] = [
  {
    name: `config writer: kill -9 during writes, ${LANES * ROUNDS_PER_LANE} times, leaves the old or the new whole file and a whole backup`,
    async run(probe) {
      const seed = Date.now() % 100_000;
      const started = Date.now();
      const rounds = await Promise.all(Array.from({ length: LANES }, (_, lane) => killLane(probe, lane, seed, started)));
      // Bounded in time on a slow machine, but never so few that the case proves nothing.
      const total = rounds.reduce((sum, count) => sum + count, 0);
      expect(total).toBeGreaterThanOrEqual(12);
    },
  },
  {
    name: 'config writer: 50 concurrent opencode:write calls leave one complete version and a complete backup',
    async run(probe) {
      const s = await scene();
      const smallModels = [null, 'o3-mini', 'fake-up', 'gpt-4o'];
      const answers = await answered(
        probe,
        '50 concurrent opencode:write calls',
        Promise.all(Array.from({ length: 50 }, (_, index) => s.api['opencode:write']({ platform: 'litellm', smallModel: smallModels[index % 4] ?? null, fingerprint: null }))),
      );
      for (const answer of answers as Result<unknown>[]) {
        // Planned from a file another call has since replaced: refused with a sentence, never written over it.
        if (!answer.ok) expect(answer.error, answer.error.message).toEqual({ kind: 'config-write', message: expect.stringContaining('changed after the preview was made') });
      }
      expect(answers.some((answer) => answer.ok)).toBe(true);
      for (const [path, what] of [[s.file, 'the config'], [`${s.file}.bak`, 'the backup']] as const) {
        const text = await readFile(path, 'utf8');
        try {
          parse(text);
        } catch {
          probe.lost(`${what} is torn after 50 concurrent writes`);
        }
      }
      expect(parse(await readFile(s.file, 'utf8'))).toMatchObject({ username: 'ada', model: 'litellm/gpt-4o' });
      expect((await readdir(join(s.dir, 'opencode'))).sort()).toEqual(['opencode.json', 'opencode.json.bak']);
    },
  },
  {
    name: 'config writer: 50 concurrent writes of different versions end as exactly one of them',
    async run(probe) {
      const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-concurrent-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const file = join(dir, 'opencode.json');
      await writeFile(file, configVersion(0));
      const results = await answered(probe, '50 concurrent writes', Promise.all(Array.from({ length: 50 }, (_, index) => writeConfigFile(file, configVersion(index + 1), { backup: true }))));
      expect(results.every((result) => result.ok)).toBe(true);
      if (versionOf(await readFile(file, 'utf8')) === null) probe.lost('the config is torn after 50 concurrent writes');
      if (versionOf(await readFile(`${file}.bak`, 'utf8')) === null) probe.lost('the backup is torn after 50 concurrent writes');
    },
  },
];

hostileCases([...plantedCases, ...documentCases, ...faultCases]);
