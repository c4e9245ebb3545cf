import { loadPublicModelMap } from '../fixtures.js';
import type { LiteLLMDeployment } from './types.js';

const PROVIDERS = [
  'openai', 'anthropic', 'gemini', 'mistral', 'deepseek', 'xai', 'groq', 'bedrock', 'fireworks_ai', 'openrouter',
];
/** Aliases a team adds when one real model runs out: regions, tiers, teams. */
const VARIANTS = ['eu', 'us', 'batch', 'prod', 'staging', 'team-a', 'team-b', 'fallback', 'cheap', 'fast'];
/** Every n-th deployment is a self-hosted model the public map does not know, so its metadata is null. */
const SELF_HOSTED_EVERY = 40;

interface Candidate {
  model: string;
  name: string;
  provider: string;
}

let pool: Candidate[] | undefined;

// Chat and embedding models of each provider, interleaved so even 200 deployments span all providers.
function candidatePool(): Candidate[] {
  if (pool) return pool;
  const perProvider = new Map<string, Candidate[]>(PROVIDERS.map((p) => [p, []]));
  const seenModels = new Set<string>();
  for (const [key, entry] of Object.entries(loadPublicModelMap())) {
    const provider = entry.litellm_provider;
    if (typeof provider !== 'string' || !perProvider.has(provider)) continue;
    if (entry.mode !== 'chat' && entry.mode !== 'embedding') continue;
    const name = key.startsWith(`${provider}/`) ? key.slice(provider.length + 1) : key;
    // Fine-tune templates and region-qualified bedrock keys are not models anyone deploys by name.
    if (name.startsWith('ft:') || (provider === 'bedrock' && name.includes('/'))) continue;
    // A key such as "gemini/" names no model; it would make an empty alias.
    if (name === '' || name.endsWith('/')) continue;
    const model = `${provider}/${name}`;
    if (seenModels.has(model)) continue;
    seenModels.add(model);
    perProvider.get(provider)?.push({ model, name, provider });
  }
  const lists = [...perProvider.values()];
  pool = [];
  for (let i = 0; lists.some((list) => i < list.length); i++) {
    for (const list of lists) {
      const candidate = list[i];
      if (candidate) pool.push(candidate);
    }
  }
  return pool;
}

function uniqueAlias(wanted: string[], taken: Set<string>): string {
  for (const alias of wanted) {
    if (!taken.has(alias)) return alias;
  }
  const base = wanted[wanted.length - 1] ?? 'model';
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/**
 * Deterministic deployments for benchmarks (200 / 2,000 / 10,000): real public-map models across
 * ten providers so metadata exists, re-aliased per region/team once the real ones run out.
 */
export function generateDeployments(count: number): LiteLLMDeployment[] {
  const candidates = candidatePool();
  const taken = new Set<string>();
  const deployments: LiteLLMDeployment[] = [];
  for (let i = 0; deployments.length < count; i++) {
    if (i % SELF_HOSTED_EVERY === SELF_HOSTED_EVERY - 1) {
      const n = deployments.length;
      const alias = uniqueAlias([`self-hosted-llm-${n}`], taken);
      taken.add(alias);
      deployments.push({
        model_name: alias,
        litellm_params: { model: `openai/self-hosted-llm-${n}`, api_base: `http://10.0.${(n >> 8) & 255}.${n & 255}:8000/v1` },
      });
      continue;
    }
    const round = Math.floor(i / candidates.length);
    const candidate = candidates[i % candidates.length];
    if (!candidate) break;
    const last = candidate.name.split('/').pop() ?? candidate.name;
    const variant = round === 0 ? '' : `-${VARIANTS[(round - 1) % VARIANTS.length]}${round > VARIANTS.length ? `-${Math.ceil(round / VARIANTS.length)}` : ''}`;
    const alias = uniqueAlias(
      [`${last}${variant}`, `${candidate.provider}/${last}${variant}`, `${candidate.provider}/${candidate.name}${variant}`],
      taken,
    );
    taken.add(alias);
    deployments.push({ model_name: alias, litellm_params: { model: candidate.model } });
  }
  return deployments;
}
