import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeConfigFile } from '@switchboard/core';
import type { Result } from '@switchboard/shared';
import { expect } from 'vitest';
import { STALE_AFTER_MS } from '../../packages/core/src/files/index.js';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';
import { configVersion, versionOf } from '../support/config-versions.js';
import { afterCase, answered, CHILD, parse, REPO_ROOT, scene } from '../support/config-scene.js';

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
  afterCase(() => rm(dir, { recursive: true, force: true }));
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
        Promise.all(Array.from({ length: 50 }, (_, index) => s.api['opencode:write']({ instanceId: 'litellm', smallModel: smallModels[index % 4] ?? null, fingerprint: null }))),
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
      afterCase(() => rm(dir, { recursive: true, force: true }));
      const file = join(dir, 'opencode.json');
      await writeFile(file, configVersion(0));
      const results = await answered(probe, '50 concurrent writes', Promise.all(Array.from({ length: 50 }, (_, index) => writeConfigFile(file, configVersion(index + 1), { backup: true }))));
      expect(results.every((result) => result.ok)).toBe(true);
      if (versionOf(await readFile(file, 'utf8')) === null) probe.lost('the config is torn after 50 concurrent writes');
      if (versionOf(await readFile(`${file}.bak`, 'utf8')) === null) probe.lost('the backup is torn after 50 concurrent writes');
    },
  },
];

hostileCases(faultCases);
