import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '@switchboard/core';
import { contract, MAX_DESCRIPTION_LENGTH, MAX_MODEL_ID_LENGTH, type Model, type SwitchboardApi } from '@switchboard/shared';
import { startStaticServer, type RunningServer, type StaticRoute } from '@switchboard/test-servers';
import { afterEach, expect } from 'vitest';
import { memorySecretStore } from '../../packages/core/test/support/memory-secret-store.js';
import { json, modelList } from '../support/api-under-attack.js';
import { hostileCases, type Probe } from '../support/hostile-cases.js';

const KEY = 'sk-hostile-catalog-0123456789';
/** A small size cap, so that "too large" costs a few MB here rather than the 64 MiB a metadata answer may have. */
const MAX_BYTES = 256 * 1024;
const METADATA_CAP = MAX_BYTES * 4;
/** Every case answers within this, whatever the proxy sends: 3 s, not a hung panel. */
const DEADLINE_MS = 3_000;

interface Target {
  api: SwitchboardApi;
  server: RunningServer;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The real API on a temporary folder, against a loopback server answering exactly these routes, with a small size cap. */
async function against(routes: Record<string, StaticRoute>): Promise<Target> {
  const server = await startStaticServer(routes);
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-catalog-'));
  cleanups.push(() => server.close(), () => rm(dir, { recursive: true, force: true }));
  const api = createApi({
    userDataDir: dir,
    secrets: memorySecretStore(),
    env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map.json` },
    overrides: { maxBytes: MAX_BYTES, timeoutMs: 2_000, home: dir },
  });
  return { api, server };
}

async function within<T>(work: Promise<T>, what: string, probe: Probe): Promise<T> {
  const started = performance.now();
  const result = await work;
  if (performance.now() - started > DEADLINE_MS) probe.crash(`${what} took longer than ${DEADLINE_MS} ms`);
  return result;
}

/** test-connection with the key, checked against the contract as both transports check it. */
async function testConnection(target: Target, probe: Probe, url = target.server.url) {
  const answer = await within(target.api['litellm:test-connection']({ url, key: { mode: 'provided', value: KEY } }), 'test-connection', probe);
  expect(contract['litellm:test-connection'].output.safeParse(answer).success, 'the answer keeps the contract').toBe(true);
  probe.noLeak('the test-connection answer', JSON.stringify(answer), [KEY]);
  return answer;
}

async function metadata(target: Target, probe: Probe): Promise<Map<string, Model>> {
  const answer = await within(target.api['litellm:fetch-metadata'](undefined), 'fetch-metadata', probe);
  expect(contract['litellm:fetch-metadata'].output.safeParse(answer).success, 'the metadata keeps the contract').toBe(true);
  if (!answer.ok) throw new Error(answer.error.message);
  return new Map(answer.value.models.map((model) => [model.id, model]));
}

const deployment = (name: string, params: Record<string, unknown>, info: Record<string, unknown>) => ({ model_name: name, litellm_params: params, model_info: info });
const GOOD = deployment('gpt-4o', { model: 'openai/gpt-4o' }, { description: 'the house default', max_input_tokens: 128000, mode: 'chat' });

// ── What an admin (or whoever controls the proxy) writes as a description ──────────────────────────────
const DESCRIPTIONS: ReadonlyArray<[string, unknown]> = [
  ['a 1 MB description', 'slow '.repeat(200_000)],
  ['a description of control characters and terminal escapes', '\u001b[31mred\u001b[0m\r\nX-Injected: 1\u0000\u0007end'],
  ['a description in markup', '<img src=x onerror=alert(1)><script>fetch("//evil")</script>'],
  ['a description that reverses the text direction', '\u202Eexe.tnemucod\u202C and \u2066isolated\u2069'],
  ['a description that is only whitespace and controls', ' \t\r\n\u0000 '],
  ['a description that is an object', { html: '<b>x</b>' }],
  ['a description that echoes the key', `billing key ${KEY}`],
  ['a description of lone surrogates', '\uD800\uDC00\uDBFF'.repeat(400)],
];

const descriptionCases = DESCRIPTIONS.map(([what, text]) => ({
  name: `catalog: ${what} is one bounded line of plain text, and costs nothing else`,
  async run(probe: Probe) {
    const target = await against({
      '/v1/models': modelList(['odd', 'gpt-4o']),
      '/model/info': json({ data: [deployment('odd', { model: 'openai/odd-model' }, { description: text, max_input_tokens: 32000 }), GOOD] }),
    });
    expect((await testConnection(target, probe)).ok).toBe(true);
    const models = await metadata(target, probe);
    const shown = models.get('odd')?.description ?? null;
    if (shown !== null) {
      expect(shown.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
      expect(shown, 'no control character or direction override').not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
      expect(shown.trim()).toBe(shown);
    }
    probe.noLeak('a description', shown ?? '', [KEY]);
    expect(models.get('odd')?.contextLength).toBe(32000);
    expect(models.get('gpt-4o')).toMatchObject({ description: 'the house default', contextLength: 128000 });
  },
}));

// ── What a deployment says is behind an alias ───────────────────────────────────────────────────────────
const UNDERLYING: ReadonlyArray<[string, unknown]> = [
  ['an id of 600 characters', `openai/${'x'.repeat(600)}`],
  ['an id with a line break', 'openai/gpt\n4o'],
  ['an id with spaces', 'openai/gpt 4o; rm -rf /'],
  ['a wildcard pattern', 'openai/*'],
  ['an empty string', ''],
  ['a number', 42],
  ['an object', { model: 'openai/gpt-4o' }],
];

const underlyingCases = UNDERLYING.map(([what, model]) => ({
  name: `catalog: ${what} as the model behind an alias is not shown, and the alias is listed and described`,
  async run(probe: Probe) {
    const target = await against({
      '/v1/models': modelList(['alias', 'gpt-4o']),
      '/model/info': json({ data: [deployment('alias', { model }, { description: 'kept', max_input_tokens: 8192 }), GOOD] }),
    });
    expect((await testConnection(target, probe)).ok).toBe(true);
    const models = await metadata(target, probe);
    expect(models.get('alias')).toMatchObject({ underlying: null, description: 'kept', contextLength: 8192 });
    const underlying = models.get('gpt-4o')?.underlying ?? null;
    expect(underlying === null || underlying.length <= MAX_MODEL_ID_LENGTH).toBe(true);
    expect(underlying).toBe('openai/gpt-4o');
  },
}));

// ── A team key's sentinel-only list, with fallbacks that misbehave ──────────────────────────────────────
const SENTINEL_ONLY = modelList(['all-team-models']);
const html = (body: string): StaticRoute => ({ contentType: 'text/html; charset=utf-8', body });
const groups = (ids: readonly string[]): StaticRoute => json({ data: ids.map((id) => ({ model_group: id, providers: ['openai'], mode: 'chat' })) });
const deployments = (ids: readonly string[]): StaticRoute => json({ data: ids.map((id) => deployment(id, { model: `openai/${id}` }, {})) });
// A well-formed list, just over the cap: at least 40 bytes per entry.
const tooLarge = (): StaticRoute => ({
  contentType: 'application/json',
  body: `{"data":[${Array.from({ length: Math.ceil(METADATA_CAP / 40) + 10 }, (_, n) => `{"model_group":"m-${n}","providers":["openai"]}`).join(',')}]}`,
});

const FALLBACKS: ReadonlyArray<[string, StaticRoute]> = [
  ['a web page', html('<html><head><title>Sign in</title></head><body>SSO</body></html>')],
  ["LiteLLM's own admin page", html('<html><head><title>LiteLLM Dashboard</title></head></html>')],
  ['an answer over the size cap', tooLarge()],
  ['JSON of another shape', json({ models: ['gpt-4o'] })],
  ['a list of strings instead of entries', json({ data: ['gpt-4o', 'claude'] })],
  ['invalid JSON', { contentType: 'application/json', body: '{"data":[{"model_group":"gpt-4o"' }],
  ['a list of only sentinels and wildcards', groups(['all-team-models', 'all-proxy-models', 'openai/*'])],
  ['a 500 that echoes the key', json({ error: { message: `key ${KEY} has no team` } }, 500)],
];

const scopedCases = FALLBACKS.flatMap(([what, route]) => [
  {
    name: `catalog: a sentinel-only list whose /model_group/info is ${what} is read from /v1/model/info instead, with a note`,
    async run(probe: Probe) {
      const target = await against({ '/v1/models': SENTINEL_ONLY, '/model_group/info': route, '/v1/model/info': deployments(['gpt-4o', 'claude']) });
      const answer = await testConnection(target, probe);
      expect(answer.ok && answer.value.modelIds).toEqual(['gpt-4o', 'claude']);
      expect(answer.ok && answer.value.accessNote).toMatch(/"all-team-models".*\/v1\/model\/info\.$/);
      const models = await metadata(target, probe);
      expect([...models.keys()]).toEqual(['gpt-4o', 'claude']);
    },
  },
  {
    name: `catalog: a sentinel-only list whose every fallback is ${what} says so in a sentence, with no model offered`,
    async run(probe: Probe) {
      const target = await against({ '/v1/models': SENTINEL_ONLY, '/model_group/info': route, '/v1/model/info': route, '/v2/model/info': route });
      const answer = await testConnection(target, probe);
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      if (!answer.ok) return;
      expect(answer.value.modelIds).toEqual([]);
      expect(answer.value.accessNote).toMatch(/^This key('s access decides| sees no models).*"all-team-models".*\.$/);
      expect(answer.value.accessNote?.length).toBeLessThan(600);
    },
  },
]);

// ── Sentinels where models are expected ─────────────────────────────────────────────────────────────────
const SENTINEL_GROUPS: ReadonlyArray<[string, Record<string, StaticRoute>]> = [
  [
    'a model_group named like a sentinel, beside real groups',
    { '/v1/models': SENTINEL_ONLY, '/model_group/info': groups(['all-team-models', 'gpt-4o', 'no-default-models', 'claude']) },
  ],
  [
    'a deployment named like a sentinel, beside real ones',
    { '/v1/models': SENTINEL_ONLY, '/model_group/info': json({ data: [] }), '/v1/model/info': deployments(['all-proxy-models', 'gpt-4o', 'claude']) },
  ],
  [
    'sentinels mixed into an ordinary model list',
    { '/v1/models': modelList(['all-team-models', 'gpt-4o', 'all-org-models', 'claude', 'gpt-4o']), '/model_group/info': groups(['all-team-models', 'gpt-4o', 'claude']) },
  ],
];

const sentinelCases = SENTINEL_GROUPS.map(([what, routes]) => ({
  name: `catalog: ${what} is never offered as a model, and the key is said to be scoped`,
  async run(probe: Probe) {
    const target = await against(routes);
    const answer = await testConnection(target, probe);
    expect(answer.ok && answer.value.modelIds).toEqual(['gpt-4o', 'claude']);
    expect(answer.ok && answer.value.accessNote).toMatch(/^This key's access decides what is listed/);
    const models = await metadata(target, probe);
    expect([...models.keys()]).toEqual(['gpt-4o', 'claude']);
  },
}));

// ── LiteLLM's own pages answering for the model list ────────────────────────────────────────────────────
const pageCases = [
  ['the admin page', '<html><head><title>LiteLLM Dashboard</title></head></html>'],
  ['the Swagger page', '<html><head><title>LiteLLM API - Swagger UI</title></head></html>'],
  ['a 4 MB admin page', `<html><head><title>LiteLLM Dashboard</title></head><body>${'<div>x</div>'.repeat(350_000)}</body></html>`],
].map(([what, page]) => ({
  name: `catalog: ${what} answering under a path that holds the key offers the origin, never the key`,
  async run(probe: Probe) {
    const target = await against({ [`/${KEY}/v1/models`]: html(page ?? '') });
    const answer = await testConnection(target, probe, `${target.server.url}/${KEY}`);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.kind).toMatch(/^(not-a-proxy|too-large)$/);
    if (answer.error.kind === 'not-a-proxy') expect(answer.error.suggestedUrl).toBe(target.server.url);
    expect(answer.error.message).toMatch(/\.$|\?$/);
  },
}));

hostileCases([...descriptionCases, ...underlyingCases, ...scopedCases, ...sentinelCases, ...pageCases]);
