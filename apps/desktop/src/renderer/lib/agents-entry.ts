import { parseInstanceId, type AgentView, type InstanceId } from '@switchboard/shared';
import { instanceId as instanceIdOf } from './platforms';
import { choiceLabel, inUse as isInUse, type SavedChoice } from './saved-choices';

/** The model in use, as the Agents tab compares an agent's entry with it. */
export interface ModelInUse {
  instanceId: InstanceId;
  /** "LiteLLM", "OpenRouter", or a custom endpoint's own name. */
  platformName: string;
  modelId: string;
}

/** The model in use from the header's choice; null while nothing is connected with a model chosen. */
export function modelInUse(choice: SavedChoice | null): ModelInUse | null {
  const modelId = choice?.view.selectedModel;
  if (!choice || !isInUse(choice) || !modelId) return null;
  return { instanceId: instanceIdOf(choice.instance), platformName: choiceLabel(choice), modelId };
}

/** Where an agent's entry stands against the model in use. */
export type EntryState =
  | { kind: 'absent'; text: string }
  | { kind: 'in-sync'; text: string }
  | { kind: 'differs'; text: string };

/** A platform instance named for a sentence, when it is not the one in use (whose own name is known). */
function instanceName(id: InstanceId, inUse: ModelInUse | null): string {
  if (inUse?.instanceId === id) return inUse.platformName;
  const parsed = parseInstanceId(id);
  if (parsed?.platform === 'litellm') return 'LiteLLM';
  if (parsed?.platform === 'openrouter') return 'OpenRouter';
  return parsed?.endpointId ? `the endpoint “${parsed.endpointId}”` : id;
}

/** One line for the agent's card: is Switchboard's entry there, and does it point at the model in use? */
export function entryState({ entry }: Pick<AgentView, 'entry'>, inUse: ModelInUse | null): EntryState {
  if (entry === null) return { kind: 'absent', text: `No Switchboard entry in this file yet.` };
  const where = `${entry.modelId} on ${instanceName(entry.instanceId, inUse)}`;
  if (inUse === null) return { kind: 'differs', text: `Uses ${where}; no model is in use in Switchboard.` };
  if (entry.instanceId === inUse.instanceId && entry.modelId === inUse.modelId) return { kind: 'in-sync', text: `Uses ${where}: the model in use.` };
  return { kind: 'differs', text: `Uses ${where}, not the model in use (${inUse.modelId} on ${inUse.platformName}).` };
}

/** The agents whose entry points at this platform instance, in the list's order. */
export function agentsUsing(agents: readonly AgentView[], id: InstanceId): AgentView[] {
  return agents.filter((agent) => agent.entry?.instanceId === id);
}
