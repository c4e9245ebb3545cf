import type { AgentPreview, WrittenConfig } from '@switchboard/shared';
import type { UiError } from './errors';
import { errorLine, type StatusLine } from './status-line';

/** One agent's change for the model in use: the diff Write would make, and how the last write went. */
export interface AgentChangeState {
  busy: 'previewing' | 'writing' | null;
  /** The change Write applies; null while none is known. */
  preview: AgentPreview | null;
  /** Why there is no change to show (the platform lacks the API the agent needs, a file that cannot be read): shown instead of Write. */
  refusal: UiError | null;
  /** The last write's outcome. */
  status: StatusLine | null;
}

export type AgentChangeAction =
  | { type: 'preview-started' }
  | { type: 'preview-succeeded'; preview: AgentPreview }
  | { type: 'preview-failed'; error: UiError }
  | { type: 'cleared' }
  | { type: 'write-started' }
  | { type: 'write-succeeded'; written: WrittenConfig }
  | { type: 'write-failed'; error: UiError };

export const initialAgentChange: AgentChangeState = { busy: null, preview: null, refusal: null, status: null };

/** "Written to …; the previous file is kept at …", or "Created …" for a new file. */
function writtenSentence({ path, backupPath }: WrittenConfig): string {
  return backupPath === null ? `Created ${path}` : `Written to ${path}; the previous file is kept at ${backupPath}`;
}

export function agentChangeReducer(state: AgentChangeState, action: AgentChangeAction): AgentChangeState {
  switch (action.type) {
    case 'preview-started':
      // The diff on screen stays until the new one comes, so the card does not jump.
      return { ...state, busy: state.busy ?? 'previewing' };
    case 'preview-succeeded':
      return { ...state, busy: null, preview: action.preview, refusal: null };
    case 'preview-failed':
      return { ...state, busy: null, preview: null, refusal: action.error };
    case 'cleared':
      return initialAgentChange;
    case 'write-started':
      return { ...state, busy: 'writing', status: { tone: 'progress', text: 'Writing…' } };
    case 'write-succeeded':
      return { ...state, busy: null, status: { tone: 'success', text: writtenSentence(action.written) } };
    case 'write-failed':
      return { ...state, busy: null, status: errorLine(action.error) };
  }
}
