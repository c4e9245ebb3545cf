import type { AgentId } from '@switchboard/shared';
import { useCallback, useState } from 'react';
import { errorLine, type StatusLine } from '../lib/status-line';
import type { AgentsList, AgentSettingsChange } from './useAgents';

export interface AgentSettingsEditor {
  /** A change is on its way to main. */
  saving: boolean;
  /** How the last change went: saved, or why not. */
  status: StatusLine | null;
  /** Sends a change; `savedText` is what the status says once it is saved. */
  save(changes: AgentSettingsChange, savedText: string): Promise<void>;
}

/** One agent's settings (its file, keep-in-sync) as the Agents tab changes them, with what each change came to. */
export function useAgentSettings(agentId: AgentId, change: AgentsList['change']): AgentSettingsEditor {
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<StatusLine | null>(null);
  const save = useCallback(
    async (changes: AgentSettingsChange, savedText: string) => {
      setSaving(true);
      setStatus({ tone: 'progress', text: 'Saving…' });
      const outcome = await change(agentId, changes);
      setSaving(false);
      setStatus(outcome.ok ? { tone: 'success', text: savedText } : errorLine(outcome.error));
    },
    [agentId, change],
  );
  return { saving, status, save };
}
