import type { AgentId, AgentView } from '@switchboard/shared';
import { useCallback, useSyncExternalStore } from 'react';
import { invokeResult, type Outcome } from '../lib/bridge';
import { agentsStore, type AgentsSnapshot } from '../lib/agents-store';

/** What Settings › Agents may change for one agent: the file it writes (null for the agent's default), keep-in-sync. */
export interface AgentSettingsChange {
  configPath?: string | null;
  sync?: boolean;
}

export interface AgentsList extends AgentsSnapshot {
  /** Saves a change to one agent's settings; the new view is shown everywhere. */
  change(agentId: AgentId, changes: AgentSettingsChange): Promise<Outcome<AgentView>>;
  /** A fresh view from elsewhere (a write answers one). */
  replace(view: AgentView): void;
  /** Reads every agent's file again. */
  reload(): void;
}

/** The agent targets (agents:list), read once and kept in step between the Agents tab and the platform panel. */
export function useAgents(): AgentsList {
  const snapshot = useSyncExternalStore(agentsStore.subscribe, agentsStore.snapshot);
  const change = useCallback(async (agentId: AgentId, changes: AgentSettingsChange) => {
    const outcome = await invokeResult('agents:set-settings', { agentId, ...changes });
    if (outcome.ok) agentsStore.publish(outcome.value);
    return outcome;
  }, []);
  return { ...snapshot, change, replace: agentsStore.publish, reload: agentsStore.reload };
}
