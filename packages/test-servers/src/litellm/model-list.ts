import { publicModelsOfProvider } from './model-lookup.js';
import type { LiteLLMDeployment } from './types.js';

export function isWildcard(modelName: string): boolean {
  return modelName.includes('*');
}

/**
 * get_known_models_from_wildcard: the provider comes from litellm_params.model, the prefix from the
 * alias, and a known key gets "<prefix>/" unless it already starts with the prefix (a plain string
 * test, so "gemini/gemini-1.5-flash" stays as is while "gpt-4o" becomes "openai/gpt-4o").
 */
function expandWildcard(deployment: LiteLLMDeployment): string[] {
  return wildcardExpansions(deployment).map((expansion) => expansion.id);
}

export interface WildcardExpansion {
  /** The id /v1/models lists. */
  id: string;
  /** The litellm_params.model a request for that id is sent upstream as. */
  model: string;
}

export function wildcardExpansions(deployment: LiteLLMDeployment): WildcardExpansion[] {
  const slash = deployment.model_name.indexOf('/');
  if (slash < 0) return [];
  const prefix = deployment.model_name.slice(0, slash);
  const suffix = deployment.model_name.slice(slash + 1);
  const provider = deployment.litellm_params.model.split('/', 1)[0] ?? prefix;
  let known = publicModelsOfProvider(provider);
  if (suffix !== '*') {
    const start = suffix.replaceAll('*', '');
    known = known.filter((key) => key.startsWith(start));
  }
  return known.map((key) => ({
    id: key.startsWith(prefix) ? key : `${prefix}/${key}`,
    model: key.startsWith(`${provider}/`) ? key : `${provider}/${key}`,
  }));
}

/** /v1/models ids: every alias (wildcards literally), then the wildcard expansions, without repeats. */
export function modelIds(deployments: LiteLLMDeployment[]): string[] {
  const ids = new Set<string>();
  for (const deployment of deployments) ids.add(deployment.model_name);
  for (const deployment of deployments) {
    if (!isWildcard(deployment.model_name)) continue;
    for (const id of expandWildcard(deployment)) ids.add(id);
  }
  return [...ids];
}

export function wildcardPattern(modelName: string): RegExp {
  const escaped = modelName.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** The deployment a chat request for `model` is routed to: exact alias first, then wildcard patterns. */
export function findDeployment(deployments: LiteLLMDeployment[], model: string): LiteLLMDeployment | undefined {
  return (
    deployments.find((d) => d.model_name === model) ??
    deployments.find((d) => isWildcard(d.model_name) && wildcardPattern(d.model_name).test(model))
  );
}
