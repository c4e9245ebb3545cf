import { DEFAULT_LITELLM_URL, type LiteLLMConfigView, type Model } from '@switchboard/shared';
import type { UiError } from './errors';
import { formatConnected } from './format';
import { emptyKeyField, keyFieldFromView, type KeyFieldState } from './key-field';

/** One line in a status region: what just happened, and how it should look. */
export interface StatusLine {
  tone: 'progress' | 'success' | 'error';
  text: string;
  /** The error kind, for styling and tests; absent unless tone is `error`. */
  kind?: UiError['kind'];
}

export type Busy = 'testing' | 'saving' | 'disconnecting' | null;

export interface LiteLLMState {
  /** `loading` until `litellm:get-config` answers; the form is not shown before, so nothing typed is overwritten. */
  phase: 'loading' | 'ready';
  /** The connection as main last described it. A failed test never touches it. */
  saved: LiteLLMConfigView | null;
  url: string;
  key: KeyFieldState;
  /** The model picked in the form; the list it is picked from lives in the catalog (`catalog-state.ts`). */
  selectedModel: string | null;
  busy: Busy;
  /** What `connection-status` says: testing, connected, or why not. */
  connection: StatusLine | null;
  /** What the save status says: saved, disconnected, or why not. */
  action: StatusLine | null;
}

export type LiteLLMAction =
  | { type: 'config-loaded'; view: LiteLLMConfigView }
  | { type: 'config-failed'; error: UiError }
  | { type: 'url-changed'; url: string }
  | { type: 'key-typed'; value: string }
  | { type: 'key-forgotten' }
  | { type: 'key-kept' }
  | { type: 'model-selected'; id: string }
  | { type: 'test-started' }
  | { type: 'test-succeeded'; models: Model[]; latencyMs: number }
  | { type: 'test-failed'; error: UiError }
  | { type: 'refresh-succeeded'; modelCount: number }
  /** `listKept`: an older list stays on screen and says why itself, so the status line need not repeat it. */
  | { type: 'refresh-failed'; error: UiError; listKept: boolean }
  | { type: 'save-started' }
  | { type: 'save-succeeded'; view: LiteLLMConfigView }
  | { type: 'save-failed'; error: UiError }
  | { type: 'disconnect-started' }
  | { type: 'disconnect-succeeded'; view: LiteLLMConfigView }
  | { type: 'disconnect-failed'; error: UiError };

export const initialLiteLLMState: LiteLLMState = {
  phase: 'loading',
  saved: null,
  url: '',
  key: emptyKeyField,
  selectedModel: null,
  busy: null,
  connection: null,
  action: null,
};

const errorLine = (error: UiError): StatusLine => ({ tone: 'error', text: error.message, kind: error.kind });

/** The form as main describes it: used on load, after a save and after a disconnect. */
function fromView(state: LiteLLMState, view: LiteLLMConfigView): LiteLLMState {
  return { ...state, phase: 'ready', saved: view, url: view.url, key: keyFieldFromView(view), selectedModel: view.selectedModel };
}

export function litellmReducer(state: LiteLLMState, action: LiteLLMAction): LiteLLMState {
  switch (action.type) {
    case 'config-loaded':
      return fromView(state, action.view);
    case 'config-failed':
      return { ...state, phase: 'ready', url: DEFAULT_LITELLM_URL, connection: errorLine(action.error) };
    case 'url-changed':
      return { ...state, url: action.url };
    case 'key-typed':
      return { ...state, key: { ...state.key, typed: action.value } };
    case 'key-forgotten':
      return { ...state, key: { ...state.key, typed: '', forgotten: true } };
    case 'key-kept':
      return { ...state, key: { ...state.key, forgotten: false } };
    case 'model-selected':
      return { ...state, selectedModel: action.id, action: null };
    case 'test-started':
      return { ...state, busy: 'testing', connection: { tone: 'progress', text: 'Testing connection…' }, action: null };
    case 'test-succeeded': {
      const offered = action.models.some((model) => model.id === state.selectedModel);
      return {
        ...state,
        busy: null,
        selectedModel: offered ? state.selectedModel : null,
        connection: { tone: 'success', text: formatConnected(action.models.length, action.latencyMs) },
      };
    }
    case 'test-failed':
      return { ...state, busy: null, connection: errorLine(action.error) };
    case 'refresh-succeeded':
      return { ...state, connection: { tone: 'success', text: formatConnected(action.modelCount) } };
    case 'refresh-failed':
      return { ...state, connection: action.listKept ? null : errorLine(action.error) };
    case 'save-started':
      return { ...state, busy: 'saving', action: { tone: 'progress', text: 'Saving…' } };
    case 'save-succeeded':
      return { ...fromView(state, action.view), busy: null, action: { tone: 'success', text: 'Saved' } };
    case 'save-failed':
      return { ...state, busy: null, action: errorLine(action.error) };
    case 'disconnect-started':
      return { ...state, busy: 'disconnecting', action: { tone: 'progress', text: 'Disconnecting…' } };
    case 'disconnect-succeeded':
      return {
        ...fromView(state, action.view),
        busy: null,
        connection: null,
        action: { tone: 'success', text: 'Disconnected' },
      };
    case 'disconnect-failed':
      return { ...state, busy: null, action: errorLine(action.error) };
  }
}
