import { defaultDeployments, loadPublicModelMap, startLiteLLMServer, startOpenRouterServer, startStaticServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, test } from 'vitest';
import { buildPublicModelIndex } from '../../src/catalog/public-model-index.js';
import type { PublicModelMap } from '../../src/catalog/public-model-map.js';
import { litellmCapabilityFacts, modelCapabilities } from '../../src/generate/capabilities.js';
import { resolveCapabilities, type CapabilityContext } from '../../src/generate/resolve-capabilities.js';

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const recordedMap: PublicModelMap = { load: async () => buildPublicModelIndex(loadPublicModelMap()) };
const noMap: PublicModelMap = { load: async () => null };
const context = (publicModelMap: PublicModelMap = recordedMap): CapabilityContext => ({ client: { fetch, timeoutMs: 5000, maxBytes: 16 * 1024 * 1024 }, publicModelMap });

describe('what the sources say, merged', () => {
  test('the proxy before the public map, field by field; max_completion_tokens only where listed', () => {
    const proxy = { supportedParams: ['max_tokens', 'temperature'], supportsResponseSchema: null, supportsReasoning: false };
    const publicMap = { supportedParams: null, supportsResponseSchema: true, supportsReasoning: true };
    expect(modelCapabilities([proxy, publicMap])).toEqual({ supportedParams: ['max_tokens', 'temperature'], supportsResponseSchema: true, supportsReasoning: false, maxTokensParam: 'max_tokens' });
    expect(modelCapabilities([{ ...proxy, supportedParams: ['max_completion_tokens'] }]).maxTokensParam).toBe('max_completion_tokens');
    expect(modelCapabilities([])).toEqual({ supportedParams: null, supportsResponseSchema: null, supportsReasoning: null, maxTokensParam: 'max_tokens' });
  });

  test("a placeholder entry's false flags are LiteLLM's 'no figures', not the model's word; a true still counts", () => {
    const placeholder = { supported_openai_params: ['stream'], supports_reasoning: false, supports_response_schema: false };
    expect(litellmCapabilityFacts(placeholder, false)).toEqual({ supportedParams: ['stream'], supportsReasoning: null, supportsResponseSchema: null });
    expect(litellmCapabilityFacts({ ...placeholder, supports_reasoning: true }, false).supportsReasoning).toBe(true);
    expect(litellmCapabilityFacts(placeholder, true).supportsReasoning).toBe(false);
  });

  test('a parameter list that lies is read for names only, each once', () => {
    const facts = litellmCapabilityFacts({ supported_openai_params: ['temperature', 42, null, 'temperature', 'x'.repeat(101), 'has space', { a: 1 }, 'top_p'] });
    expect(facts.supportedParams).toEqual(['temperature', 'top_p']);
    expect(litellmCapabilityFacts({ supported_openai_params: 'temperature' }).supportedParams).toBeNull();
  });
});

describe('a LiteLLM proxy', () => {
  const O3_MINI = { model_name: 'o3-mini', litellm_params: { model: 'openai/o3-mini', api_key: 'sk-fake-openai-key' } };
  async function proxy() {
    const server = await startLiteLLMServer({ version: '1.81.0', deployments: [...defaultDeployments(), O3_MINI] });
    servers.push(server);
    return { instanceId: 'litellm' as const, baseUrl: server.url, key: 'sk-master-1234' };
  }

  test('gpt-4o: its params from the model group, a schema answer from the public map, max_completion_tokens', async () => {
    const capabilities = await resolveCapabilities(context(), await proxy(), 'gpt-4o', 'openai/gpt-4o');
    expect(capabilities).toMatchObject({ supportsResponseSchema: true, supportsReasoning: false, maxTokensParam: 'max_completion_tokens' });
    expect(capabilities.supportedParams).toEqual(expect.arrayContaining(['temperature', 'top_p', 'stop', 'response_format']));
    expect(capabilities.supportedParams).not.toContain('reasoning_effort');
  });

  test('o3-mini: it reasons and takes an effort, not a temperature', async () => {
    const capabilities = await resolveCapabilities(context(), await proxy(), 'o3-mini', 'openai/o3-mini');
    expect(capabilities).toMatchObject({ supportsReasoning: true, supportsResponseSchema: true });
    expect(capabilities.supportedParams).toContain('reasoning_effort');
    expect(capabilities.supportedParams).not.toContain('temperature');
  });

  test('fake-up, a model nobody has figures for: its params, but no word on reasoning or schemas', async () => {
    const capabilities = await resolveCapabilities(context(), await proxy(), 'fake-up', 'openai/fake-model');
    expect(capabilities).toMatchObject({ supportsReasoning: null, supportsResponseSchema: null });
    expect(capabilities.supportedParams).toContain('max_completion_tokens');
  });

  test('without the model group, the supported-params answer; without either, nothing', async () => {
    const server = await startLiteLLMServer({ version: '1.81.0', modelGroupInfo: 'not-found' });
    servers.push(server);
    const connection = { instanceId: 'litellm' as const, baseUrl: server.url, key: 'sk-master-1234' };
    const capabilities = await resolveCapabilities(context(noMap), connection, 'gpt-4o', null);
    expect(capabilities.supportedParams).toContain('response_format');
    expect(capabilities.supportsResponseSchema).toBeNull();
    const silent = await startStaticServer({});
    servers.push(silent);
    expect(await resolveCapabilities(context(noMap), { ...connection, baseUrl: silent.url }, 'gpt-4o', null)).toEqual({
      supportedParams: null,
      supportsResponseSchema: null,
      supportsReasoning: null,
      maxTokensParam: 'max_tokens',
    });
  });
});

describe('OpenRouter and custom endpoints', () => {
  test("OpenRouter's supported_parameters: reasoning takes an effort, structured_outputs a schema", async () => {
    const server = await startOpenRouterServer();
    servers.push(server);
    const connection = { instanceId: 'openrouter' as const, baseUrl: `${server.url}/api/v1`, key: 'sk-or-v1-test' };
    const r1 = await resolveCapabilities(context(), connection, 'deepseek/deepseek-r1', null);
    expect(r1).toMatchObject({ supportsReasoning: true, supportsResponseSchema: false, maxTokensParam: 'max_tokens' });
    expect(r1.supportedParams).toContain('reasoning_effort');
    const sonnet = await resolveCapabilities(context(), connection, 'anthropic/claude-3.5-sonnet', null);
    expect(sonnet).toMatchObject({ supportsReasoning: false, supportsResponseSchema: false });
    expect(sonnet.supportedParams).not.toContain('response_format');
  });

  test('a custom endpoint says nothing, whatever the model is called', async () => {
    const capabilities = await resolveCapabilities(context(), { instanceId: 'custom:box', baseUrl: 'http://127.0.0.1:9', key: null }, 'gpt-4o', null);
    expect(capabilities).toEqual({ supportedParams: null, supportsResponseSchema: null, supportsReasoning: null, maxTokensParam: 'max_tokens' });
  });
});
