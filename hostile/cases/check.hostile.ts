import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '@switchboard/core';
import {
  ContractInputError,
  DEFAULT_GENERATION_PARAMS,
  parseInput,
  parseStreamInput,
  STREAM_LIMITS,
  type CheckEvent,
  type PlaygroundDraft,
} from '@switchboard/shared';
import { DEFAULT_MASTER_KEY, startLiteLLMServer, type LiteLLMDeployment, type LiteLLMServer } from '@switchboard/test-servers';
import { afterEach, expect } from 'vitest';
import { memorySecretStore } from '../../packages/core/test/support/memory-secret-store.js';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';
import { startHostOn, userDataFolder } from '../support/settings-host.js';
import { STEADY_PLATFORMS } from '../support/settings-versions.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

interface Scene {
  server: LiteLLMServer;
  backend: Backend;
  dir: string;
  restart(): Backend;
}

/** The real backend on a temp folder, connected to a LiteLLM test server on loopback with its master key. */
async function connected(deployments?: LiteLLMDeployment[], hangModels: string[] = [], checkDeadlineMs?: number): Promise<Scene> {
  const server = await startLiteLLMServer({ ...(deployments ? { deployments } : {}), hangModels });
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-check-'));
  cleanups.push(() => server.close(), () => rm(dir, { recursive: true, force: true }));
  const secrets = memorySecretStore();
  const restart = () =>
    createBackend({
      userDataDir: dir,
      secrets,
      env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map` },
      ...(checkDeadlineMs === undefined ? {} : { streamTuning: { checkDeadlineMs } }),
    });
  const backend = restart();
  expect(await backend.api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: DEFAULT_MASTER_KEY }, selectedModel: 'gpt-4o' })).toMatchObject({ ok: true });
  return { server, backend, dir, restart };
}

const chats = (server: LiteLLMServer) => server.requests.filter((request) => request.path.endsWith('/chat/completions')).length;

/** A check as a transport runs it: the input checked by the contract first; a refusal is returned, not thrown. */
async function check(backend: Backend, input: unknown, signal = new AbortController().signal): Promise<CheckEvent[] | ContractInputError> {
  let parsed;
  try {
    parsed = parseStreamInput('models:check', input);
  } catch (error) {
    if (error instanceof ContractInputError) return error;
    throw error;
  }
  const events: CheckEvent[] = [];
  for await (const event of backend.streams['models:check'](parsed, signal)) events.push(event);
  return events;
}

/** A refusal a person can read: the channel, a reason, bounded, never the key. */
function expectRefusal(answer: unknown, probe: Probe, what: string): void {
  expect(answer, what).toBeInstanceOf(ContractInputError);
  const message = (answer as Error).message;
  expect(message).toMatch(/^Invalid input for models:check: .{10,}/);
  expect(message.length).toBeLessThan(1_000);
  probe.noLeak(`the refusal of ${what}`, message, [DEFAULT_MASTER_KEY]);
}

const many = (count: number, id: (n: number) => string = (n) => `model-${n}`) => Array.from({ length: count }, (_, n) => id(n));

/** Inputs to models:check the contract must refuse before anything is asked. */
const refusedChecks: ReadonlyArray<[string, unknown]> = [
  [`more models than one check may cover (${STREAM_LIMITS.maxModelsPerCheck + 1})`, { instanceId: 'litellm', modelIds: many(STREAM_LIMITS.maxModelsPerCheck + 1) }],
  ['100,000 models', { instanceId: 'litellm', modelIds: many(100_000) }],
  ['no model at all', { instanceId: 'litellm', modelIds: [] }],
  ['an empty model id', { instanceId: 'litellm', modelIds: ['gpt-4o', ''] }],
  ['a model id of 513 characters', { instanceId: 'litellm', modelIds: ['x'.repeat(513)] }],
  ['a model id of 10 MB', { instanceId: 'litellm', modelIds: ['x'.repeat(10 * 1024 * 1024)] }],
  ['model ids that are not strings', { instanceId: 'litellm', modelIds: [1, null, { toString: 'gpt-4o' }] }],
  ['the key as the instance', { instanceId: DEFAULT_MASTER_KEY, modelIds: ['gpt-4o'] }],
  ['an instance id with a line break', { instanceId: 'litellm\n', modelIds: ['gpt-4o'] }],
  ['__proto__ as the instance', { instanceId: '__proto__', modelIds: ['gpt-4o'] }],
  ['a list of ids as a string', { instanceId: 'litellm', modelIds: 'gpt-4o' }],
];

const refusedCases: HostileCase[] = refusedChecks.map(([what, input]) => ({
  name: `check: ${what} is refused by the contract with a sentence, and no model is asked`,
  async run(probe) {
    const scene = await connected();
    expectRefusal(await check(scene.backend, input), probe, what);
    expect(chats(scene.server)).toBe(0);
  },
}));

/** Ids a check must treat as ordinary models: each asked once, its result kept under its own id, nothing polluted. */
const oddIds = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'gpt-4o\u0000\u0007\u001b[2J',
  'line\r\nX-Injected: 1',
  '\u202egpt-4o',
  `${DEFAULT_MASTER_KEY}-as-a-model`,
  'x'.repeat(512),
];

const oddIdCase: HostileCase = {
  name: `check: ${oddIds.length} model ids with control characters, header injections, bidi overrides, __proto__ and the key are each checked as an ordinary model, kept under their own id across a restart, and pollute nothing`,
  async run(probe) {
    const scene = await connected();
    const answer = await check(scene.backend, { instanceId: 'litellm', modelIds: [...oddIds, ...oddIds] });
    if (answer instanceof Error) throw answer;
    const health = answer.filter((event) => event.type === 'health');
    expect(health.map((event) => event.modelId).sort()).toEqual([...oddIds].sort());
    expect(chats(scene.server)).toBe(oddIds.length);
    for (const event of health) {
      // The proxy does not know them: each is a failure with the proxy's sentence, never a crash.
      expect(event.health.state).toBe('error');
      expect(event.health.message).toMatch(/\w+.{20,}\.$/s);
      // The server's words are quoted without control characters: a sentence cannot clear a terminal or forge a line.
      expect(event.health.message).not.toMatch(/\p{Cc}/u);
    }
    expect(answer.at(-1)).toEqual({ type: 'done', checked: oddIds.length, failed: oddIds.length });
    probe.noLeak('the check events', JSON.stringify(answer.filter((event) => !(event.type === 'health' && event.modelId.startsWith(DEFAULT_MASTER_KEY)))), [DEFAULT_MASTER_KEY]);

    const kept = await scene.restart().api['models:get-health']({ instanceId: 'litellm' });
    for (const id of oddIds) if (!Object.hasOwn(kept, id)) probe.lost(`the result of model ${JSON.stringify(id.slice(0, 40))} after a restart`);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['state']).toBeUndefined();
  },
};

const boundedCases: HostileCase[] = [
  {
    name: `check: the same ${oddIds.length} hostile ids on models that never answer time out with a sentence free of control characters`,
    async run() {
      const scene = await connected(undefined, oddIds, 300);
      const answer = await check(scene.backend, { instanceId: 'litellm', modelIds: oddIds });
      if (answer instanceof Error) throw answer;
      const health = answer.filter((event) => event.type === 'health');
      expect(health).toHaveLength(oddIds.length);
      for (const event of health) {
        expect(event.health.state).toBe('timeout');
        expect(event.health.message).not.toMatch(/\p{Cc}/u);
      }
    },
  },
  {
    name: 'check: 40 models that never answer all end as timeouts within their deadline, never more than four asked at once, and the connections are closed',
    async run(probe) {
      const ids = many(40);
      const scene = await connected(
        ids.map((id) => ({ model_name: id, litellm_params: { model: `openai/${id}`, api_key: 'sk-fake' } })),
        ids,
        300,
      );
      let peak = 0;
      const sampler = setInterval(() => void (peak = Math.max(peak, chats(scene.server) - scene.server.chatEndings.length)), 5);
      const started = Date.now();
      const answer = await check(scene.backend, { instanceId: 'litellm', modelIds: ids }).finally(() => clearInterval(sampler));
      if (answer instanceof Error) throw answer;
      // Ten rounds of four at 0.3 s each: far less than 40 deadlines end to end, and nowhere near a proxy's own minutes.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(answer.at(-1)).toEqual({ type: 'done', checked: 40, failed: 40 });
      expect(answer.filter((event) => event.type === 'health' && event.health.state === 'timeout')).toHaveLength(40);
      expect(peak).toBeLessThanOrEqual(4);
      await expect.poll(() => scene.server.abortedStreams).toBe(40);
      if (Object.keys(await scene.restart().api['models:get-health']({ instanceId: 'litellm' })).length !== 40) probe.lost('a timed-out model\'s result');
    },
  },
  {
    name: 'check: the caller going away mid-check (500 models that never answer) stops it at once: no more requests, nothing thrown, nothing kept that did not finish',
    async run() {
      const ids = many(STREAM_LIMITS.maxModelsPerCheck);
      const scene = await connected(
        ids.map((id) => ({ model_name: id, litellm_params: { model: `openai/${id}`, api_key: 'sk-fake' } })),
        ids,
      );
      const cancel = new AbortController();
      const poll = setInterval(() => chats(scene.server) >= 4 && cancel.abort(), 5);
      const answer = await check(scene.backend, { instanceId: 'litellm', modelIds: ids }, cancel.signal).finally(() => clearInterval(poll));
      expect(answer).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(chats(scene.server)).toBe(4);
      await expect.poll(() => scene.server.abortedStreams).toBe(4);
      expect(await scene.restart().api['models:get-health']({ instanceId: 'litellm' })).toEqual({});
    },
  },
];

const draft = (prompt: string): PlaygroundDraft => ({ system: '', prompt, params: DEFAULT_GENERATION_PARAMS, stream: true });

const draftCases: HostileCase[] = [
  {
    name: 'playground: a draft 10 MB long is refused by the contract with a sentence, and the draft kept before stays as it was',
    async run(probe) {
      const scene = await connected();
      expect(await scene.backend.api['playground:save-draft']({ instanceId: 'litellm', modelId: 'gpt-4o', draft: draft('the one before') })).toEqual({ ok: true, value: null });
      const settingsBefore = await readFile(join(scene.dir, 'settings.json'), 'utf8');
      const huge = 'x'.repeat(10 * 1024 * 1024);
      for (const [where, hostile] of [
        ['prompt', draft(huge)],
        ['system prompt', { ...draft('hi'), system: huge }],
        ['JSON schema', { ...draft('hi'), params: { ...DEFAULT_GENERATION_PARAMS, responseFormat: { type: 'json_schema', schema: huge } } }],
        ['stop sequences', { ...draft('hi'), params: { ...DEFAULT_GENERATION_PARAMS, stop: Array.from({ length: 50_000 }, () => 'stop') } }],
      ] as const) {
        let refusal = '';
        try {
          parseInput('playground:save-draft', { instanceId: 'litellm', modelId: 'gpt-4o', draft: hostile });
        } catch (error) {
          refusal = error instanceof ContractInputError ? error.message : `not the contract's refusal: ${String(error)}`;
        }
        expect(refusal, `a 10 MB ${where}`).toMatch(/^Invalid input for playground:save-draft: .{10,}/);
        expect(refusal.length).toBeLessThan(1_000);
        probe.noLeak(`the refusal of a 10 MB ${where}`, refusal, [DEFAULT_MASTER_KEY]);
      }
      if ((await readFile(join(scene.dir, 'settings.json'), 'utf8')) !== settingsBefore) probe.lost('the settings file changed on a refused draft');
      expect(await scene.restart().api['playground:get-draft']({ instanceId: 'litellm', modelId: 'gpt-4o' })).toEqual(draft('the one before'));
    },
  },
  {
    name: 'playground: drafts for models named __proto__, constructor and with a NUL are kept apart and read back across a restart, polluting nothing',
    async run(probe) {
      const scene = await connected();
      const ids = ['__proto__', 'constructor', 'a\u0000b', 'a'];
      for (const id of ids) expect(await scene.backend.api['playground:save-draft']({ instanceId: 'litellm', modelId: id, draft: draft(`for ${id}`) })).toEqual({ ok: true, value: null });
      const api = scene.restart().api;
      for (const id of ids) {
        if ((await api['playground:get-draft']({ instanceId: 'litellm', modelId: id }))?.prompt !== `for ${id}`) probe.lost(`the draft of ${JSON.stringify(id)}`);
      }
      expect(await api['playground:get-draft']({ instanceId: 'openrouter', modelId: '__proto__' })).toBeNull();
      expect(({} as Record<string, unknown>)['draft']).toBeUndefined();
    },
  },
];

/** Settings files whose playground section is broken, beside connections and settings that must all survive. */
const goodDraft = { draft: draft('keep me'), savedAt: 1_764_400_000_000 };
const brokenSections: ReadonlyArray<[string, unknown, string]> = [
  ['a playground section that is a string', 'drafts', 'playground'],
  ['drafts that are a list', { drafts: [goodDraft] }, 'playground.drafts'],
  ['one broken draft among good ones', { drafts: { 'litellm\u0000gpt-4o': goodDraft, 'litellm\u0000bad': { draft: { prompt: 7 }, savedAt: 'now' } } }, 'the playground draft of "bad"'],
  [
    'a draft longer than the contract allows',
    { drafts: { 'litellm\u0000gpt-4o': goodDraft, 'litellm\u0000long': { draft: draft('x'.repeat(200_000)), savedAt: 1 } } },
    'the playground draft of "long"',
  ],
  ['a draft filed under __proto__', JSON.parse(`{"drafts":{"litellm\\u0000gpt-4o":${JSON.stringify(goodDraft)},"__proto__":{"draft":{"polluted":true},"savedAt":1}}}`), 'the playground draft of "__proto__"'],
];

const settingsCases: HostileCase[] = brokenSections.map(([what, playground, dropped]) => ({
  name: `settings: ${what} at start is salvaged (said, the original kept) and nothing else is lost`,
  async run(probe) {
    const dir = await userDataFolder();
    const opencode = { configPath: null, sync: true, writeKeyInFile: false, smallModels: { litellm: 'gpt-4o-mini' }, writeResponsesOnly: true };
    const original = JSON.stringify({ schemaVersion: 3, platforms: STEADY_PLATFORMS, opencode, keychain: { timeoutMs: 9000 }, playground });
    await writeFile(join(dir, 'settings.json'), original);
    let host;
    try {
      host = await startHostOn(dir);
    } catch (error) {
      probe.crash(`the browser host did not start on ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return;
    }
    const notices = await host.call('app:get-notices');
    expect(notices).toEqual([{ kind: 'settings-repaired', message: expect.stringContaining(dropped) }]);
    const kept = (await readdir(dir)).filter((name) => name.startsWith('settings.json.invalid-'));
    if (kept.length !== 1 || (await readFile(join(dir, kept[0] ?? ''), 'utf8')) !== original) probe.lost(`${what}: the original file was not kept as it was`);

    if ((await host.call('litellm:get-config')).selectedModel !== STEADY_PLATFORMS.litellm.selectedModel) probe.lost('the LiteLLM connection');
    if ((await host.call('openrouter:get-config')).selectedModel !== STEADY_PLATFORMS.openrouter.selectedModel) probe.lost('the OpenRouter connection');
    const settings = await host.call('opencode:get-settings');
    if (settings.smallModels['litellm'] !== 'gpt-4o-mini' || !settings.writeResponsesOnly || !settings.sync) probe.lost('the opencode settings');
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { keychain?: { timeoutMs?: number } };
    if (onDisk.keychain?.timeoutMs !== 9000) probe.lost('the keychain deadline');
    // A good draft beside the broken one stays; where the whole section was unreadable there is none to keep.
    const good = await host.call('playground:get-draft', { instanceId: 'litellm', modelId: 'gpt-4o' });
    const hadGood = typeof playground === 'object' && playground !== null && !Array.isArray((playground as { drafts?: unknown }).drafts);
    if (hadGood && good?.prompt !== 'keep me') probe.lost('the good draft beside the broken one');
    // The playground works again at once.
    expect(await host.call('playground:save-draft', { instanceId: 'litellm', modelId: 'o3', draft: draft('new') })).toEqual({ ok: true, value: null });
    expect((await host.call('playground:get-draft', { instanceId: 'litellm', modelId: 'o3' }))?.prompt).toBe('new');
  },
}));

hostileCases([...refusedCases, oddIdCase, ...boundedCases, ...draftCases, ...settingsCases]);
