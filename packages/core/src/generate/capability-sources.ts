import { httpGet } from '../http/index.js';
import { knowsLimits } from '../catalog/litellm-fields.js';
import { bearer, type ProxyClientOptions } from '../platforms/proxy-client.js';
import { litellmCapabilityFacts, NO_CAPABILITY_FACTS, paramList, type CapabilityFacts } from './capabilities.js';

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** GET a JSON answer; null on any failure: capabilities are what is known, and a proxy that will not say knows nothing. */
async function getJson(client: ProxyClientOptions, url: string, key: string | null): Promise<unknown> {
  try {
    const response = await httpGet(client.fetch, url, { headers: bearer(key), timeoutMs: client.timeoutMs, maxBytes: client.maxBytes });
    return response.status === 200 ? (JSON.parse(response.text) as unknown) : null;
  } catch {
    return null;
  }
}

function entryOf(body: unknown, field: string, id: string): Fields | null {
  const data = isFields(body) ? body.data : undefined;
  if (!Array.isArray(data)) return null;
  return data.find((entry): entry is Fields => isFields(entry) && entry[field] === id) ?? null;
}

/**
 * What a LiteLLM proxy says one model takes: its group in
 * `/model_group/info?model_group=` (supported params, reasoning), and where
 * that lists no params, `/utils/supported_openai_params?model=`.
 */
export async function litellmCapabilitySource(client: ProxyClientOptions, baseUrl: string, key: string | null, modelId: string): Promise<CapabilityFacts> {
  const id = encodeURIComponent(modelId);
  const group = entryOf(await getJson(client, `${baseUrl}/model_group/info?model_group=${id}`, key), 'model_group', modelId);
  const facts = group ? litellmCapabilityFacts(group, knowsLimits(group)) : NO_CAPABILITY_FACTS;
  if (facts.supportedParams !== null) return facts;
  const params = await getJson(client, `${baseUrl}/utils/supported_openai_params?model=${id}`, key);
  return { ...facts, supportedParams: isFields(params) ? paramList(params.supported_openai_params) : null };
}

/**
 * What OpenRouter's model list says one model takes (`supported_parameters`,
 * in OpenRouter's names): `reasoning` means it takes an effort, which
 * OpenRouter also accepts as `reasoning_effort`; `structured_outputs` means
 * a JSON schema.
 */
export async function openRouterCapabilitySource(client: ProxyClientOptions, baseUrl: string, key: string | null, modelId: string): Promise<CapabilityFacts> {
  const entry = entryOf(await getJson(client, `${baseUrl}/models`, key), 'id', modelId);
  const params = entry ? paramList(entry.supported_parameters) : null;
  if (params === null) return NO_CAPABILITY_FACTS;
  const reasoning = params.includes('reasoning');
  return {
    supportedParams: reasoning && !params.includes('reasoning_effort') ? [...params, 'reasoning_effort'] : params,
    supportsResponseSchema: params.includes('structured_outputs'),
    supportsReasoning: reasoning,
  };
}
