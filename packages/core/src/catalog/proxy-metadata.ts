import { isWildcardId } from '@switchboard/shared';
import { isModelId } from '../platforms/model-id.js';
import { knowsLimits, metadataFromLiteLLMFields, type ModelMetadata } from './litellm-fields.js';
import { description, label } from './plausible-values.js';

/**
 * How far the 0 prices and `false` flags of a proxy's entry are its word:
 * - `facts`: the entry knows the model's limits, so it is a real entry and a 0 is a real price (a free model).
 * - `configured`: a `/model/info` deployment without limits but with a mode. LiteLLM gives an unknown
 *   model no mode there (fake-up and local-llama in the 1.81.0 and 1.81.12 recordings), so the mode came
 *   from the public map or from the admin's `model_info`. If the public map knows the model, its figures
 *   are the ones to show; if it does not, the admin set the entry on purpose and its zeros count.
 * - `placeholders`: neither; LiteLLM's stand-in for "no figures" (a wildcard expansion's group, fake-up).
 * Other values (a non-zero price, `true`, a mode) are never stand-ins and count in every case.
 */
type ZeroStanding = 'facts' | 'configured' | 'placeholders';

/** What a LiteLLM proxy says about one alias, from `/model_group/info` and `/model/info`. */
export interface ProxyModelFacts {
  provider: string | null;
  /** The model behind the alias (`litellm_params.model`), e.g. `anthropic/claude-3-5-sonnet-20241022`. */
  underlying: string | null;
  /** What the admin wrote about it (`model_info.description`). */
  description: string | null;
  metadata: ModelMetadata | null;
  zeros: ZeroStanding;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const modelId = (value: unknown): string | null => (isModelId(value) ? value : null);
/** A model a deployment routes to: an id without spaces, and not a wildcard pattern. */
const underlyingModel = (value: unknown): string | null => (isModelId(value) && !/\s/.test(value) && !isWildcardId(value) ? value : null);

// Plain checks rather than a schema: these answers hold one large object per
// model, and a schema library's copy of 10,000 of them is most of the cost.
/** The entries of a `{data: [...]}` answer; null when the answer is of another shape. */
function entriesOf(body: unknown): Fields[] | null {
  const data = isFields(body) ? body.data : undefined;
  return Array.isArray(data) ? data.filter(isFields) : null;
}

/** Reads `/model_group/info`; null when the answer is not a list. */
export function readModelGroupInfo(body: unknown): Map<string, ProxyModelFacts> | null {
  const entries = entriesOf(body);
  if (!entries) return null;
  const facts = new Map<string, ProxyModelFacts>();
  for (const group of entries) {
    const alias = modelId(group.model_group);
    if (!alias || facts.has(alias)) continue;
    const providers = Array.isArray(group.providers) ? group.providers : [];
    facts.set(alias, {
      provider: label(providers[0]),
      underlying: null,
      description: null,
      metadata: metadataFromLiteLLMFields(group),
      zeros: knowsLimits(group) ? 'facts' : 'placeholders',
    });
  }
  return facts;
}

/** Reads `/model/info`, `/v1/model/info` or `/v2/model/info` (one entry per deployment; the first of an alias wins); null when not a list. */
export function readModelInfo(body: unknown): Map<string, ProxyModelFacts> | null {
  const entries = entriesOf(body);
  if (!entries) return null;
  const facts = new Map<string, ProxyModelFacts>();
  for (const deployment of entries) {
    const alias = modelId(deployment.model_name);
    if (!alias || facts.has(alias)) continue;
    const info = isFields(deployment.model_info) ? deployment.model_info : {};
    const params = isFields(deployment.litellm_params) ? deployment.litellm_params : {};
    const underlying = underlyingModel(params.model);
    facts.set(alias, {
      provider: label(info.litellm_provider),
      // An id that is its own model has nothing behind it worth naming.
      underlying: underlying === alias ? null : underlying,
      description: description(info.description),
      metadata: metadataFromLiteLLMFields(info),
      zeros: knowsLimits(info) ? 'facts' : label(info.mode) !== null ? 'configured' : 'placeholders',
    });
  }
  return facts;
}

/** {@link readModelGroupInfo}, with an answer of another shape read as nothing. */
export const parseModelGroupInfo = (body: unknown): Map<string, ProxyModelFacts> => readModelGroupInfo(body) ?? new Map();

/** {@link readModelInfo}, with an answer of another shape read as nothing. */
export const parseModelInfo = (body: unknown): Map<string, ProxyModelFacts> => readModelInfo(body) ?? new Map();
