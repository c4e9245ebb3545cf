import { z } from 'zod';
import { metadataFromLiteLLMFields, proxyKnowsModel, type ModelMetadata } from './litellm-fields.js';

/** What a LiteLLM proxy says about one alias, from `/model_group/info` and `/model/info`. */
export interface ProxyModelFacts {
  provider: string | null;
  /** The model behind the alias (`litellm_params.model`), e.g. `anthropic/claude-3-5-sonnet-20241022`. */
  underlying: string | null;
  /** `null` when the proxy itself does not know the model. */
  metadata: ModelMetadata | null;
}

const GroupInfoSchema = z.object({
  data: z.array(z.object({ model_group: z.string(), providers: z.array(z.string()).nullish() }).loose()),
});

const ModelInfoSchema = z.object({
  data: z.array(
    z
      .object({
        model_name: z.string(),
        litellm_params: z.object({ model: z.string().nullish() }).loose().nullish(),
        model_info: z.object({ litellm_provider: z.string().nullish() }).loose().nullish(),
      })
      .loose(),
  ),
});

/** Reads `/model_group/info`; an answer of another shape yields nothing rather than an error. */
export function parseModelGroupInfo(body: unknown): Map<string, ProxyModelFacts> {
  const facts = new Map<string, ProxyModelFacts>();
  const parsed = GroupInfoSchema.safeParse(body);
  if (!parsed.success) return facts;
  for (const group of parsed.data.data) {
    facts.set(group.model_group, {
      provider: group.providers?.[0] ?? null,
      underlying: null,
      metadata: proxyKnowsModel(group) ? metadataFromLiteLLMFields(group) : null,
    });
  }
  return facts;
}

/** Reads `/model/info` (one entry per deployment; the first deployment of an alias wins). */
export function parseModelInfo(body: unknown): Map<string, ProxyModelFacts> {
  const facts = new Map<string, ProxyModelFacts>();
  const parsed = ModelInfoSchema.safeParse(body);
  if (!parsed.success) return facts;
  for (const deployment of parsed.data.data) {
    if (facts.has(deployment.model_name)) continue;
    const info = deployment.model_info ?? {};
    facts.set(deployment.model_name, {
      provider: info.litellm_provider ?? null,
      underlying: deployment.litellm_params?.model ?? null,
      metadata: proxyKnowsModel(info) ? metadataFromLiteLLMFields(info) : null,
    });
  }
  return facts;
}
