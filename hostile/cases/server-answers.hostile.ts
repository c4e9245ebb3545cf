import { contract, MAX_TOKEN_LIMIT, parseInput, type Model } from '@switchboard/shared';
import { expect } from 'vitest';
import { apiAgainst, json, modelList, type ApiUnderAttack } from '../support/api-under-attack.js';
import { hostileCases } from '../support/hostile-cases.js';

const KEY = 'sk-hostile-key-0123456789';

async function connect(target: ApiUnderAttack, model: string) {
  const tested = await target.api['litellm:test-connection']({ url: target.server.url, key: { mode: 'provided', value: KEY } });
  expect(tested.ok, JSON.stringify(tested)).toBe(true);
  const saved = await target.api['litellm:set-config']({ url: target.server.url, key: { mode: 'stored' }, selectedModel: model });
  expect(saved.ok).toBe(true);
}

/** The metadata answer as the renderer receives it: checked against the contract, as the renderer checks it. */
async function metadata(target: ApiUnderAttack): Promise<Map<string, Model>> {
  const answer = await target.api['litellm:fetch-metadata'](undefined);
  const checked = contract['litellm:fetch-metadata'].output.safeParse(answer);
  expect(checked.success, 'the metadata answer keeps the contract').toBe(true);
  if (!answer.ok) throw new Error(answer.error.message);
  return new Map(answer.value.models.map((model) => [model.id, model]));
}

async function previewText(target: ApiUnderAttack): Promise<string> {
  const preview = await target.api['opencode:preview']({ instanceId: 'litellm' });
  expect(preview.ok, JSON.stringify(preview)).toBe(true);
  // The lines of the change as the preview shows them, one after another.
  return preview.ok ? preview.value.diff.hunks.flatMap((hunk) => hunk.lines.map((line) => line.text)).join('\n') : '';
}

// Raw JSON text, so that values JSON.stringify cannot write (1e400 is Infinity once parsed) reach the client as a server sends them.
const HOSTILE_NUMBERS: ReadonlyArray<[string, string]> = [
  ['1e308', '1e308'],
  ['1e400 (Infinity once parsed)', '1e400'],
  ['2^60', '1152921504606846976'],
  ['a negative number', '-4096'],
  ['a negative zero', '-0'],
  ['a fraction below one', '0.25'],
  ['a numeric string', '"8192"'],
  ['a hex string', '"0x1000"'],
  ['an empty string', '""'],
  ['"NaN"', '"NaN"'],
  ['an object', '{"valueOf":8192}'],
  ['an array', '[8192]'],
  ['true', 'true'],
];

const groupInfo = (raw: string) => ({
  status: 200,
  contentType: 'application/json',
  body:
    `{"data":[{"model_group":"m1","providers":["openai"],"mode":"chat",` +
    `"max_input_tokens":${raw},"max_output_tokens":${raw},"input_cost_per_token":${raw},"output_cost_per_token":${raw}},` +
    `{"model_group":"m2","providers":["openai"],"mode":"chat","max_input_tokens":128000,"max_output_tokens":16384,` +
    `"input_cost_per_token":0.0000025,"output_cost_per_token":0.00001}]}`,
});

const numberCases = HOSTILE_NUMBERS.map(([what, raw]) => ({
  name: `server answers: ${what} as every limit and price in /model_group/info costs those fields only`,
  async run() {
    const target = await apiAgainst({ '/v1/models': modelList(['m1', 'm2']), '/model_group/info': groupInfo(raw) });
    await connect(target, 'm1');
    const models = await metadata(target);
    const m1 = models.get('m1');
    for (const field of ['contextLength', 'maxOutputTokens'] as const) {
      const value = m1?.[field] ?? null;
      expect(value === null || (Number.isInteger(value) && value >= 1 && value <= MAX_TOKEN_LIMIT), `${field} = ${value}`).toBe(true);
    }
    for (const field of ['inputCostPerMillion', 'outputCostPerMillion'] as const) {
      const value = m1?.[field] ?? null;
      expect(value === null || (Number.isFinite(value) && value >= 0), `${field} = ${value}`).toBe(true);
    }
    // The neighbour keeps what the proxy said about it.
    expect(models.get('m2')).toMatchObject({ contextLength: 128000, maxOutputTokens: 16384, inputCostPerMillion: 2.5, outputCostPerMillion: 10 });
    // Whatever lands in opencode.json as a limit or a price is a plain, sane number.
    const written = [...(await previewText(target)).matchAll(/"(context|output|input)": ([^,\n}]+)/g)].map((match) => match[2]);
    expect(written.length).toBeGreaterThan(0);
    for (const value of written) expect(value, 'a number in the written config').toMatch(/^\d+(\.\d+)?$/);
  },
}));

const OBJECT_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

const idCases = OBJECT_NAMES.map((id) => ({
  name: `server answers: a model named ${id} is a model like any other, listed, described and written`,
  async run() {
    const target = await apiAgainst({
      '/v1/models': modelList([id, 'gpt-4o']),
      '/model_group/info': json({
        data: [
          { model_group: id, providers: ['openai'], mode: 'chat', max_input_tokens: 32000, max_output_tokens: 4096 },
          { model_group: 'gpt-4o', providers: ['openai'], mode: 'chat', max_input_tokens: 128000, max_output_tokens: 16384 },
        ],
      }),
    });
    await connect(target, id);
    const models = await metadata(target);
    expect([...models.keys()]).toEqual([id, 'gpt-4o']);
    expect(models.get(id)).toMatchObject({ contextLength: 32000, maxOutputTokens: 4096 });
    const diff = await previewText(target);
    expect(diff).toContain(`"${id}": {`);
    expect(diff).toContain('"gpt-4o": {');
  },
}));

const ODD_IDS: ReadonlyArray<[string, unknown]> = [
  ['an empty id', ''],
  ['a number', 42],
  ['null', null],
  ['an id of 600 characters', 'x'.repeat(600)],
  ['an id with a line break', 'gpt\n4o'],
  ['an id with a NUL', 'gpt\u00004o'],
];

const oddIdCases = ODD_IDS.map(([what, id]) => ({
  name: `server answers: ${what} in /v1/models is skipped, the rest is listed`,
  async run() {
    const target = await apiAgainst({ '/v1/models': modelList([id, 'gpt-4o']) });
    const tested = await target.api['litellm:test-connection']({ url: target.server.url, key: { mode: 'none' } });
    expect(contract['litellm:test-connection'].output.safeParse(tested).success).toBe(true);
    expect(tested.ok && tested.value.modelIds).toEqual(['gpt-4o']);
  },
}));

const limitCases = ['constructor', 'toString', 'hasOwnProperty'].map((id) => ({
  name: `server answers: a limit typed for a model named ${id} is saved, survives a restart and applies to that model only`,
  async run() {
    const target = await apiAgainst({ '/v1/models': modelList([id, 'other']) });
    const saved = await target.api['custom:save-endpoint']({ name: 'Box', url: target.server.url, key: { mode: 'none' }, selectedModel: id });
    if (!saved.ok) throw new Error(saved.error.message);
    const limits = { contextLength: 32768, maxOutputTokens: 4096 };
    const set = await target.api['custom:set-model-limits']({ endpointId: saved.value.id, modelId: id, limits });
    expect(set.ok ? Object.entries(set.value.modelLimits) : set.error).toEqual([[id, limits]]);
    const reopened = await target.reopen();
    const [endpoint] = await reopened['custom:list-endpoints'](undefined);
    expect(Object.entries(endpoint?.modelLimits ?? {})).toEqual([[id, limits]]);
    await reopened['custom:test-connection']({ endpointId: saved.value.id, url: target.server.url, key: { mode: 'none' } });
    const metadata = await reopened['custom:fetch-metadata']({ endpointId: saved.value.id });
    expect(contract['custom:fetch-metadata'].output.safeParse(metadata).success).toBe(true);
    const models = metadata.ok ? metadata.value.models : [];
    expect(models.map((model) => [model.id, model.contextLength, model.maxOutputTokens])).toEqual([
      [id, 32768, 4096],
      ['other', null, null],
    ]);
  },
}));

// A settings file keyed by model id cannot hold "__proto__" (zod, like most JSON tooling, drops that key): said, not lost silently.
const protoLimitCase = {
  name: 'server answers: a limit for a model named __proto__ is refused with a sentence, not dropped silently',
  async run() {
    let refusal = '';
    try {
      parseInput('custom:set-model-limits', { endpointId: 'box', modelId: '__proto__', limits: { contextLength: 32768, maxOutputTokens: null } });
    } catch (error) {
      refusal = error instanceof Error ? error.message : String(error);
    }
    expect(refusal).toMatch(/cannot keep limits for a model named "__proto__"; the model itself can still be used/);
  },
};

export const serverAnswerCases = [...numberCases, ...idCases, ...oddIdCases, ...limitCases, protoLimitCase];
hostileCases(serverAnswerCases);
