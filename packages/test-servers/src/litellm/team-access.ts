import { wildcardPattern, isWildcard } from './model-list.js';
import { presentedKey } from './auth.js';
import type { LiteLLMServerOptions, TeamKey } from './types.js';

/** The team key a request carries, if it carries one. */
export function teamKeyOf(headers: Record<string, string | undefined>, options: LiteLLMServerOptions): TeamKey | undefined {
  const teams = options.teamKeys;
  if (!teams) return undefined;
  const key = presentedKey(headers);
  if (key === undefined || key === 'malformed' || !Object.hasOwn(teams, key)) return undefined;
  return teams[key];
}

/** Whether a group (an alias or a wildcard's expansion) is among a team's models. */
export function groupVisible(models: string[], group: string): boolean {
  return models.some((model) => model === group || (isWildcard(model) && wildcardPattern(model).test(group)));
}

/** Team keys live in the database, so configuring any implies one. */
export function hasDatabase(options: LiteLLMServerOptions): boolean {
  return (options.database ?? false) || options.teamKeys !== undefined;
}
