import type { AgentView } from '@switchboard/shared';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { invokeResult } from '../lib/bridge';
import type { ModelInUse } from '../lib/agents-entry';
import { agentChangeReducer, initialAgentChange, type AgentChangeState } from '../lib/agents-change-state';

export interface AgentChange {
  state: AgentChangeState;
  /** Write: applies the change on screen, and only that change (its fingerprint). */
  write(): Promise<void>;
  /** The person says the custom endpoint in use has the API this agent calls: kept, then the change is worked out again. */
  confirmApi(): Promise<void>;
  /** Whether the endpoint in use is one whose APIs the person may confirm (a custom endpoint). */
  canConfirm: boolean;
}

/**
 * The change writing the model in use into one agent's file would make,
 * worked out again whenever the model, the file or the entry in it changes,
 * and the write of exactly that change. Only the newest answer is shown.
 */
export function useAgentChange(
  agent: Pick<AgentView, 'id' | 'needs' | 'configPath' | 'entry'>,
  inUse: ModelInUse | null,
  onWritten: (view: AgentView) => void,
): AgentChange {
  const { id: agentId, needs } = agent;
  const file = agent;
  const [state, dispatch] = useReducer(agentChangeReducer, initialAgentChange);
  const latest = useRef(0);
  const instanceId = inUse?.instanceId ?? null;
  const modelId = inUse?.modelId ?? null;
  // What the preview depends on besides the model: the file, and the entry as the file has it.
  const fileKey = `${file.configPath}\n${file.entry?.instanceId ?? ''}\n${file.entry?.modelId ?? ''}`;

  const preview = useCallback(async () => {
    const request = ++latest.current;
    if (instanceId === null) return dispatch({ type: 'cleared' });
    dispatch({ type: 'preview-started' });
    const outcome = await invokeResult('agents:preview', { agentId, instanceId });
    if (request !== latest.current) return;
    dispatch(outcome.ok ? { type: 'preview-succeeded', preview: outcome.value } : { type: 'preview-failed', error: outcome.error });
  }, [agentId, instanceId]);

  useEffect(() => {
    void preview();
  }, [preview, modelId, fileKey]);

  const shown = state.preview;
  const write = useCallback(async () => {
    if (instanceId === null || shown === null || state.busy === 'writing') return;
    const request = ++latest.current;
    dispatch({ type: 'write-started' });
    const outcome = await invokeResult('agents:write', { agentId, instanceId, fingerprint: shown.fingerprint });
    if (request !== latest.current) return;
    if (!outcome.ok) {
      dispatch({ type: 'write-failed', error: outcome.error });
      // The file may have changed since the diff was shown: show what Write would do now.
      void preview();
      return;
    }
    dispatch({ type: 'write-succeeded', written: outcome.value });
    onWritten(outcome.value.agent);
    // What is on screen has been written: show what is left (normally nothing).
    void preview();
  }, [agentId, instanceId, shown, state.busy, preview, onWritten]);

  const confirmApi = useCallback(async () => {
    if (instanceId === null) return;
    const outcome = await invokeResult('agents:confirm-api', { instanceId, api: needs, confirmed: true });
    if (!outcome.ok) return dispatch({ type: 'preview-failed', error: outcome.error });
    void preview();
  }, [instanceId, needs, preview]);

  const canConfirm = instanceId !== null && instanceId.startsWith('custom:');
  return { state, write, confirmApi, canConfirm };
}
