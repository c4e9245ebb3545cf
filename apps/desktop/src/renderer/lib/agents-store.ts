import type { AgentView } from '@switchboard/shared';
import { invokeSafe } from './bridge';
import type { UiError } from './errors';
import { opencodeSettingsStore } from './opencode-settings-store';
import { createSnapshotStore } from './snapshot-store';

export interface AgentsSnapshot {
  /** undefined while loading; null when the list could not be read (`loadError` says why). */
  agents: readonly AgentView[] | null | undefined;
  loadError: UiError | null;
}

const LOADING: AgentsSnapshot = { agents: undefined, loadError: null };

/**
 * The opencode agent's path and sync are opencode's own settings: after the
 * Agents tab changes or writes them, what Settings › opencode and the
 * platform panel's opencode section show is read again. Only while someone
 * shows it: a view published with no reader would be taken for a fresh read.
 */
function rereadOpencodeSettings(): void {
  if (!opencodeSettingsStore.snapshot().settings) return;
  void invokeSafe('opencode:get-settings').then((outcome) => {
    if (outcome.ok && opencodeSettingsStore.snapshot().settings) opencodeSettingsStore.publish(outcome.value);
  });
}

/**
 * The agent targets as main last described them, for everything that shows
 * them: Settings › Agents and the platform panel's "Agents using this model"
 * stay mounted side by side, and a view either gets (a write, a setting) both
 * show. Read when the first reader mounts, forgotten when the last unmounts.
 */
function createAgentsStore() {
  // Counts readings, so an answer to an older one (or one whose readers left) is dropped.
  let reading = 0;
  const read = () => {
    const asked = ++reading;
    void invokeSafe('agents:list').then((outcome) => {
      if (asked !== reading) return;
      store.set(outcome.ok ? { agents: outcome.value, loadError: null } : { agents: null, loadError: outcome.error });
    });
  };
  const store = createSnapshotStore(LOADING, {
    first: read,
    last: () => {
      reading += 1;
      store.set(LOADING);
    },
  });
  return {
    subscribe: store.subscribe,
    snapshot: (): AgentsSnapshot => store.get(),
    /** Reads the list again: the files may have changed (a write elsewhere, the person's own editor). */
    reload: read,
    /** A fresh view of one agent from main (a change or a write answers one). */
    publish(view: AgentView) {
      const { agents } = store.get();
      if (!agents) return;
      // A reading in flight started before this view: it would put the older one back.
      reading += 1;
      store.set({ agents: agents.map((agent) => (agent.id === view.id ? view : agent)), loadError: null });
      if (view.id === 'opencode') rereadOpencodeSettings();
    },
  };
}

export const agentsStore = createAgentsStore();
