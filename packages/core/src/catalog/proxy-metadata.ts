import { isModelId } from '../platforms/model-id.js';
import { metadataFromLiteLLMFields, proxyKnowsModel, type ModelMetadata } from './litellm-fields.js';
import { label } from './plausible-values.js';

/** What a LiteLLM proxy says about one alias, from `/model_group/info` and `/model/info`. */
export interface ProxyModelFacts {
  provider: string | null;
  /** The model behind the alias (`litellm_params.model`), e.g. `anthropic/claude-3-5-sonnet-20241022`. */
  underlying: string | null;
  /** `null` when the proxy itself does not know the model. */
  metadata: ModelMetadata | null;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const modelId = (value: unknown): string | null => (isModelId(value) ? value : null);

// Plain checks rather than a schema: these answers hold one large object per
// model, and a schema library's copy of 10,000 of them is most of the cost.
function entriesOf(body: unknown): Fields[] {
  const data = isFields(body) ? body.data : undefined;
  return Array.isArray(data) ? data.filter(isFields) : [];
}

/** Reads `/model_group/info`; an answer of another shape yields nothing rather than an error. */
export function parseModelGroupInfo(body: unknown): Map<string, ProxyModelFacts> {
  const facts = new Map<string, ProxyModelFacts>();
  for (const group of entriesOf(body)) {
    const alias = modelId(group.model_group);
    if (!alias) continue;
    const providers = Array.isArray(group.providers) ? group.providers : [];
    facts.set(alias, {
      provider: label(providers[0]),
      underlying: null,
      metadata: proxyKnowsModel(group) ? metadataFromLiteLLMFields(group) : null,
    });
  }
  return facts;
}

/** Reads `/model/info` (one entry per deployment; the first deployment of an alias wins). */
export function parseModelInfo(body: unknown): Map<string, ProxyModelFacts> {
  const facts = new Map<string, ProxyModelFacts>();
  for (const deployment of entriesOf(body)) {
    const alias = modelId(deployment.model_name);
    if (!alias || facts.has(alias)) continue;
    const info = isFields(deployment.model_info) ? deployment.model_info : {};
    const params = isFields(deployment.litellm_params) ? deployment.litellm_params : {};
    facts.set(alias, {
      provider: label(info.litellm_provider),
      underlying: modelId(params.model),
      metadata: proxyKnowsModel(info) ? metadataFromLiteLLMFields(info) : null,
    });
  }
  return facts;
}
