import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { contract, type AgentId, type SwitchboardApi } from '@switchboard/shared';
import { expect } from 'vitest';
import { AGENT_TARGETS } from '../../packages/core/src/agents/registry.js';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';
import { answered, bytesOf, expectKept, KEY, makeFifo, scene, type Scene } from '../support/config-scene.js';

// ---------------------------------------------------------------------------------------------
// Every registered agent target, attacked through the agents:* channels of the real API: things
// planted at its config path, and channel inputs no person would type. Each answers within the
// bound with a sentence naming the file, and nothing outside it (nor it) is changed.

/** Text no format reads as a config (not JSON, TOML or YAML), standing for ~/.bashrc behind a planted link. */
const PRECIOUS = 'precious: {[ a file the agents writer must never touch\n';

type Family = 'json' | 'toml' | 'yaml';
const FAMILY: Partial<Record<AgentId, Family>> = { codex: 'toml', continue: 'yaml' };
const familyOf = (id: AgentId): Family => FAMILY[id] ?? 'json';

const DUPLICATE: Record<Family, string> = {
  json: '{\n  "theme": "dark",\n  "theme": "light"\n}\n',
  toml: 'theme = "dark"\ntheme = "light"\n',
  yaml: 'theme: dark\ntheme: light\n',
};
const DEEP: Record<Family, string> = {
  json: `{ "deep": ${'['.repeat(100)}${']'.repeat(100)} }\n`,
  toml: `deep = ${'['.repeat(100)}${']'.repeat(100)}\n`,
  yaml: `deep: ${'['.repeat(100)}${']'.repeat(100)}\n`,
};

interface AgentScene extends Scene {
  /** The target's config, as agents:list resolves it. */
  path: string;
}

/** The config scene (LiteLLM on loopback, gpt-4o chosen), with the target's config moved into the scene's folder. */
async function agentScene(id: AgentId): Promise<AgentScene> {
  const s = await scene(null);
  await writeFile(s.victim, PRECIOUS);
  await mkdir(join(s.dir, 'agents'), { recursive: true });
  const chosen = await s.api['agents:set-settings']({ agentId: id, configPath: join(s.dir, 'agents', `${id}.config`) });
  if (!chosen.ok) throw new Error(chosen.error.message);
  return { ...s, path: chosen.value.configPath };
}

interface Planted {
  what: string;
  plant(s: AgentScene, family: Family): Promise<void>;
  /** What a refusal must say besides the path; null where a format may read the file (a deep but valid document). */
  refused: RegExp | null;
}

const PLANTED: readonly Planted[] = [
  { what: 'a folder at the config path', plant: (s) => mkdir(s.path), refused: /is a folder, not a regular file/ },
  { what: 'a FIFO at the config path', plant: (s) => makeFifo(s.path), refused: /is a named pipe \(FIFO\), not a regular file/ },
  { what: 'a link at the config path to a file elsewhere that is no config', plant: (s) => symlink(s.victim, s.path), refused: /line \d+, column \d+|not valid|cannot|could not/i },
  {
    what: 'a 6 MiB file at the config path',
    plant: async (s) => {
      await writeFile(s.path, '');
      await truncate(s.path, 6 * 1024 * 1024);
    },
    refused: /larger than 5 MiB/,
  },
  { what: 'invalid UTF-8 at the config path', plant: (s) => writeFile(s.path, Buffer.from([0x7b, 0x0a, 0xff, 0xfe, 0x0a, 0x7d])), refused: /is not UTF-8 text: an invalid byte sequence at line 2, column 1/ },
  { what: 'a key twice in one table', plant: (s, family) => writeFile(s.path, DUPLICATE[family]), refused: /line \d+|twice|duplicate/i },
  { what: 'nesting 100 deep', plant: (s, family) => writeFile(s.path, DEEP[family]), refused: null },
];

/** The three file channels, each within the bound: what the Agents tab shows and does for a planted file. */
async function fileChannels(probe: Probe, api: SwitchboardApi, id: AgentId) {
  const list = await answered(probe, 'agents:list', api['agents:list'](undefined));
  const preview = await answered(probe, 'agents:preview', api['agents:preview']({ agentId: id, instanceId: 'litellm' }));
  const write = await answered(probe, 'agents:write', api['agents:write']({ agentId: id, instanceId: 'litellm', fingerprint: null }));
  return { view: list.find((view) => view.id === id), preview, write };
}

const plantedCases: HostileCase[] = AGENT_TARGETS.flatMap((target) =>
  PLANTED.map((planted) => ({
    name: `agents: ${target.displayName}, ${planted.what}`,
    async run(probe) {
      const s = await agentScene(target.id);
      await planted.plant(s, familyOf(target.id));
      const isPlainFile = !/folder|FIFO/.test(planted.what);
      const before = isPlainFile ? await bytesOf(s.path) : null;
      const { view, preview, write } = await fileChannels(probe, s.api, target.id);
      await expectKept(probe, s.victim, PRECIOUS, 'the file a planted link points at');
      probe.noLeak('the answers', JSON.stringify([view, preview, write]), [KEY]);
      if (planted.refused === null && write.ok) {
        // A format that reads the deep document may write: the user's part must still be there, byte for byte.
        if (!(await readFile(s.path, 'utf8')).includes(`${'['.repeat(100)}${']'.repeat(100)}`)) probe.lost('the deep value');
        return;
      }
      for (const answer of [preview, write]) {
        expect(answer, JSON.stringify(answer).slice(0, 400)).toMatchObject({ ok: false });
        const sentence = answer.ok ? '' : answer.error.message;
        expect(sentence).toContain(basename(s.path));
        if (planted.refused !== null) expect(sentence).toMatch(planted.refused);
      }
      // The list says what is wrong with the file (or that nothing of ours is there), never fails.
      expect(view, 'the agent is still listed').toBeDefined();
      if (planted.refused !== null && !/6 MiB/.test(planted.what)) expect(view?.fileProblem ?? '').toContain(basename(s.path));
      if (isPlainFile) await expectKept(probe, s.path, before, 'the planted config');
    },
  })),
);

// ---------------------------------------------------------------------------------------------
// Channel inputs, checked against the contract first as both transports do, then given to the API.

/** What a transport answers: a 4xx for input the contract refuses, else the API's own answer. */
async function viaContract<C extends 'agents:set-settings' | 'agents:preview' | 'agents:write'>(api: SwitchboardApi, channel: C, input: unknown) {
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) return { refusedByContract: true as const };
  const call = api[channel] as (input: unknown) => ReturnType<SwitchboardApi[C]>;
  return { refusedByContract: false as const, answer: await call(parsed.data) };
}

interface BadInput {
  what: string;
  input(s: AgentScene, id: AgentId): unknown;
  channel: 'agents:set-settings' | 'agents:preview' | 'agents:write';
  /** The contract refuses it (a 4xx), or the API answers with a sentence matching this. */
  outcome: 'contract' | RegExp;
}

const BAD_INPUTS: readonly BadInput[] = [
  { what: 'an unknown agent id', channel: 'agents:preview', input: () => ({ agentId: 'gemini', instanceId: 'litellm' }), outcome: 'contract' },
  { what: 'an agent id with a path in it', channel: 'agents:write', input: () => ({ agentId: '../kilo', instanceId: 'litellm', fingerprint: null }), outcome: 'contract' },
  { what: 'a 10 KB path', channel: 'agents:set-settings', input: (_s, id) => ({ agentId: id, configPath: `/tmp/${'a/'.repeat(5_000)}x.json` }), outcome: 'contract' },
  { what: 'a path with a NUL', channel: 'agents:set-settings', input: (_s, id) => ({ agentId: id, configPath: '/tmp/x.json\u0000.txt' }), outcome: /control character \(U\+0000\)/ },
  {
    what: 'a path that climbs out of its folder onto a file that is no config',
    channel: 'agents:set-settings',
    input: (s, id) => ({ agentId: id, configPath: join(s.dir, 'agents', '..', 'agents', '..', 'victim.txt') }),
    outcome: /./,
  },
  {
    what: 'a ~ path that climbs out of home and back onto that file',
    channel: 'agents:set-settings',
    input: (s, id) => ({ agentId: id, configPath: `~/../${basename(s.dir)}/victim.txt` }),
    outcome: /./,
  },
  { what: 'an instance id that is no platform', channel: 'agents:preview', input: (_s, id) => ({ agentId: id, instanceId: 'custom:../../etc' }), outcome: 'contract' },
  { what: 'a custom endpoint that does not exist', channel: 'agents:write', input: (_s, id) => ({ agentId: id, instanceId: 'custom:nobody', fingerprint: null }), outcome: /nobody|Use This Model|not/ },
];

const inputCases: HostileCase[] = AGENT_TARGETS.flatMap((target) =>
  BAD_INPUTS.map((bad) => ({
    name: `agents: ${target.displayName}, ${bad.what}`,
    async run(probe) {
      const s = await agentScene(target.id);
      const result = await answered(probe, bad.channel, viaContract(s.api, bad.channel, bad.input(s, target.id)));
      if (bad.outcome === 'contract') {
        expect(result.refusedByContract, 'refused by the contract').toBe(true);
      } else if (!result.refusedByContract) {
        const answer = result.answer as { ok: boolean; error?: { message: string } };
        // A path onto a real file may be chosen (it is the person's to choose); what matters is what a write then does.
        if (!answer.ok) expect(answer.error?.message ?? '').toMatch(bad.outcome);
      }
      // Whatever was chosen, a write afterwards touches nothing but a config it can read.
      const { preview, write } = await fileChannels(probe, s.api, target.id);
      probe.noLeak('the answers', JSON.stringify([result, preview, write]), [KEY]);
      await expectKept(probe, s.victim, PRECIOUS, 'the file outside the agent\'s folder');
      const list = await answered(probe, 'agents:list', s.api['agents:list'](undefined));
      if (list.length !== AGENT_TARGETS.length) probe.lost('an agent from the list');
    },
  })),
);

hostileCases([...plantedCases, ...inputCases]);
