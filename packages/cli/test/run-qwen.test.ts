import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findAgentTarget, type SecretStore } from '@switchboard/core';
import type { InstanceId } from '@switchboard/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliContext } from '../src/cli.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function memoryStore(keys: Record<string, string>): SecretStore {
  return { get: async (account) => keys[account] ?? null, set: async () => undefined, delete: async () => undefined };
}

const QWEN = ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_MODEL'] as const;
const REPORT = `require('node:fs').writeFileSync(process.argv[1], JSON.stringify(Object.fromEntries(${JSON.stringify(QWEN)}.map((n) => [n, process.env[n] ?? null]))))`;

const PLATFORMS = {
  litellm: { url: 'http://127.0.0.1:4000', selectedModel: 'gpt-4o' },
  openrouter: { url: 'http://127.0.0.1:4100/api/v1', selectedModel: 'openai/gpt-4o' },
  'custom:local-vllm': { url: 'http://127.0.0.1:8000', selectedModel: 'llama', name: 'Local vLLM' },
};

/** Qwen Code's settings with Switchboard's entry, written by the Qwen Code target itself, over the person's own settings. */
async function writeQwenEntry(file: string, instanceId: string, modelId: string): Promise<void> {
  const target = findAgentTarget('qwen-code');
  if (!target) throw new Error('the Qwen Code target is not registered');
  const entry = {
    instanceId: instanceId as InstanceId,
    platformName: instanceId,
    rootUrl: 'unused',
    openAIBaseUrl: 'unused',
    modelId,
    smallModelId: null,
    models: [],
    keyVariable: 'unused',
    keyCommand: 'unused',
    headers: [],
  };
  const text = target.applyEntry('{\n  // mine\n  "ui": { "theme": "GitHub" }\n}\n', entry, file);
  if (!text.ok) throw new Error(text.error.message);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text.value);
}

/** A home with Qwen's folder, Switchboard's settings, and `switchboard run` of a child that reports Qwen's variables. */
async function scene(keys: Record<string, string>, env: NodeJS.ProcessEnv = {}, settings: object = { platforms: PLATFORMS }) {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-qwen-'));
  folders.push(dir);
  const home = join(dir, 'home');
  const userData = join(dir, 'user-data');
  await mkdir(userData, { recursive: true });
  await writeFile(join(userData, 'settings.json'), JSON.stringify(settings));
  const errors: string[] = [];
  const context: CliContext = {
    env: { PATH: process.env['PATH'], HOME: home, SWITCHBOARD_USER_DATA: userData, ...env },
    cwd: dir,
    print: () => undefined,
    reportError: (line) => errors.push(line),
    secrets: memoryStore(keys),
  };
  const report = join(dir, 'env.json');
  const run = async (...flags: string[]) => {
    const outcome = await runCli(['run', ...flags, '--', process.execPath, '-e', REPORT, report], context);
    return { outcome, seen: JSON.parse(await readFile(report, 'utf8')) as Record<string, string | null> };
  };
  return { dir, home, userData, qwenFile: join(home, '.qwen', 'settings.json'), errors, run };
}

const NONE = { OPENAI_BASE_URL: null, OPENAI_API_KEY: null, OPENAI_MODEL: null };

describe("switchboard run and Qwen Code's variables", () => {
  it.each([
    ['litellm', 'sk-lite', 'http://127.0.0.1:4000/v1'],
    ['openrouter', 'sk-or-1', 'http://127.0.0.1:4100/api/v1'],
    ['custom:local-vllm', 'vllm-key', 'http://127.0.0.1:8000/v1'],
  ])('sets the base URL, key and model of the %s entry in ~/.qwen/settings.json', async (instanceId, key, base) => {
    const { qwenFile, run, errors } = await scene({ [instanceId]: key });
    await writeQwenEntry(qwenFile, instanceId, 'gpt-4o');
    expect(await run()).toEqual({ outcome: { exitCode: 0 }, seen: { OPENAI_BASE_URL: base, OPENAI_API_KEY: key, OPENAI_MODEL: 'gpt-4o' } });
    expect(errors).toEqual([]);
  });

  it('reads the file Settings › Agents chose for Qwen Code, and QWEN_HOME over it, as Qwen itself would', async () => {
    const chosen = { platforms: PLATFORMS, agents: { 'qwen-code': { configPath: '~/elsewhere/qwen.json', sync: true } } };
    const { home, dir, run } = await scene({ litellm: 'sk-lite' }, {}, chosen);
    await writeQwenEntry(join(home, 'elsewhere', 'qwen.json'), 'litellm', 'chosen-model');
    expect((await run()).seen['OPENAI_MODEL']).toBe('chosen-model');

    const moved = await scene({ litellm: 'sk-lite' }, { QWEN_HOME: join(dir, 'qwen-home') }, chosen);
    await writeQwenEntry(join(dir, 'qwen-home', 'settings.json'), 'litellm', 'moved-model');
    expect((await moved.run()).seen['OPENAI_MODEL']).toBe('moved-model');
  });

  it("sets none of them where Qwen's settings hold no entry of Switchboard's: other tools read these names too", async () => {
    const { qwenFile, run, errors } = await scene({ litellm: 'sk-lite' });
    await mkdir(dirname(qwenFile), { recursive: true });
    await writeFile(qwenFile, '{ "model": { "name": "qwen3-coder-plus" } }');
    expect((await run()).seen).toEqual(NONE);
    const without = await scene({ litellm: 'sk-lite' });
    expect((await without.run()).seen).toEqual(NONE);
    expect(errors).toEqual([]);
  });

  it("keeps all three when the person set one of them, says which, and sets Switchboard's with --override", async () => {
    const { qwenFile, run, errors } = await scene({ litellm: 'sk-lite' }, { OPENAI_API_KEY: 'sk-openai-own' });
    await writeQwenEntry(qwenFile, 'litellm', 'gpt-4o');
    // Their OpenAI key must not go to the proxy's URL, nor the proxy's key to OpenAI's: the three go together.
    expect((await run()).seen).toEqual({ ...NONE, OPENAI_API_KEY: 'sk-openai-own' });
    expect(errors).toEqual(["switchboard: kept OPENAI_API_KEY as already set in the environment; run with --override to use Switchboard's instead."]);
    expect((await run('--override')).seen).toEqual({ OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1', OPENAI_API_KEY: 'sk-lite', OPENAI_MODEL: 'gpt-4o' });
  });

  it("for an endpoint without a key, --override clears the person's OPENAI_API_KEY rather than send it to the endpoint", async () => {
    const { qwenFile, run } = await scene({}, { OPENAI_API_KEY: 'sk-openai-own', OPENAI_BASE_URL: 'https://api.openai.com/v1' });
    await writeQwenEntry(qwenFile, 'custom:local-vllm', 'llama');
    expect((await run()).seen).toEqual({ OPENAI_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: 'sk-openai-own', OPENAI_MODEL: null });
    expect((await run('--override')).seen).toEqual({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1', OPENAI_API_KEY: null, OPENAI_MODEL: 'llama' });
  });

  it('says so, and still runs the command, when the entry names a connection Switchboard no longer has', async () => {
    const { qwenFile, run, errors } = await scene({ 'custom:gone': 'sk-gone' });
    await writeQwenEntry(qwenFile, 'custom:gone', 'm');
    expect(await run()).toEqual({ outcome: { exitCode: 0 }, seen: NONE });
    expect(errors).toEqual([expect.stringMatching(/^switchboard: Qwen Code's settings \(.*settings\.json\) name custom:gone, which is not connected in Switchboard, so its variables were not set;/)]);
  });

  it("says where Qwen's settings cannot be read (line and column), and still runs the command", async () => {
    const { qwenFile, run, errors } = await scene({ litellm: 'sk-lite' });
    await mkdir(dirname(qwenFile), { recursive: true });
    await writeFile(qwenFile, '{\n  "model": { "name": "x" },,\n}\n');
    expect(await run()).toEqual({ outcome: { exitCode: 0 }, seen: NONE });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^switchboard: Qwen Code's variables \(OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL\) were not set: /);
    expect(errors[0]).toContain(qwenFile);
    expect(errors[0]).not.toContain('sk-lite');
  });
});
