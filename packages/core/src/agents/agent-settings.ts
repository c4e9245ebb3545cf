import type { AgentId } from '@switchboard/shared';
import type { AgentSettings } from '../store/settings-schema.js';
import type { SettingsStore } from '../store/settings-store.js';

const NONE: AgentSettings = { configPath: null, sync: null };

/**
 * One agent's choices (config path, sync). opencode's live in its own
 * section, as before targets existed, so the opencode channels and the
 * Agents tab read and change the same two values.
 */
export function readAgentSettings(settings: SettingsStore, id: AgentId): AgentSettings {
  const current = settings.read();
  if (id === 'opencode') return { configPath: current.opencode.configPath, sync: current.opencode.sync };
  return current.agents[id] ?? NONE;
}

export function writeAgentSettings(settings: SettingsStore, id: AgentId, changes: Partial<AgentSettings>): void {
  const current = settings.read();
  if (id === 'opencode') {
    settings.write({ ...current, opencode: { ...current.opencode, ...changes } });
    return;
  }
  settings.write({ ...current, agents: { ...current.agents, [id]: { ...(current.agents[id] ?? NONE), ...changes } } });
}
