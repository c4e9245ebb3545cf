import type { UiError } from './errors';
import { formatConnected } from './format';
import { emptyKeyField, keyFieldFromView, type KeyFieldState } from './key-field';
import type { InstanceView } from './platform-calls';
import { errorLine, type StatusLine } from './status-line';

type Busy = 'testing' | 'saving' | 'disconnecting' | null;

/** The settings form of one platform instance (LiteLLM, OpenRouter, or one custom endpoint). */
export interface PlatformFormState {
  /** `loading` until the saved config is read; the form is not shown before, so nothing typed is overwritten. */
  phase: 'loading' | 'ready';
  /** The connection as main last described it. A failed test never touches it. */
  saved: InstanceView | null;
  url: string;
  /** A custom endpoint's name; unused by the platforms that have one instance. */
  name: string;
  key: KeyFieldState;
  /** The model picked in the form; the list it is picked from lives in the catalog (`catalog-state.ts`). */
  selectedModel: string | null;
  busy: Busy;
  /** What `connection-status` says: testing, connected, or why not. */
  connection: StatusLine | null;
  /** Something the last test accepted but the user should look at (an OpenRouter key without `sk-or-`). */
  warning: string | null;
  /** The address the last failed test suggests instead (the base of a LiteLLM page), until the URL changes or is tested again. */
  suggestedUrl: string | null;
  /** What the save status says: saved, disconnected, or why not. */
  action: StatusLine | null;
  /** Goes up by one with each successful save ("Use This Model"), for what follows a save (opencode's config). */
  saves: number;
  /** Goes up by one with each disconnect: core has forgotten the platform's network settings, so their form reads them again. */
  disconnects: number;
}

export type PlatformFormAction =
  | { type: 'config-loaded'; view: InstanceView }
  | { type: 'config-failed'; error: UiError; defaultUrl: string }
  | { type: 'url-changed'; url: string }
  | { type: 'name-changed'; name: string }
  | { type: 'key-typed'; value: string }
  | { type: 'key-forgotten' }
  | { type: 'key-kept' }
  | { type: 'model-selected'; id: string }
  | { type: 'saved-view-changed'; view: InstanceView }
  | { type: 'test-started' }
  /** The list itself goes to the catalog; the form says how many, and keeps the model picked only if `offers` it. */
  | { type: 'test-succeeded'; modelCount: number; offers(id: string): boolean; latencyMs: number; warning: string | null }
  | { type: 'test-failed'; error: UiError }
  | { type: 'refresh-succeeded'; modelCount: number }
  /** `listKept`: an older list stays on screen and says why itself, so the status line need not repeat it. */
  | { type: 'refresh-failed'; error: UiError; listKept: boolean }
  | { type: 'save-started' }
  | { type: 'save-succeeded'; view: InstanceView }
  | { type: 'save-failed'; error: UiError }
  | { type: 'disconnect-started' }
  | { type: 'disconnect-succeeded'; view: InstanceView }
  | { type: 'disconnect-failed'; error: UiError };

export const initialPlatformFormState: PlatformFormState = {
  phase: 'loading',
  saved: null,
  url: '',
  name: '',
  key: emptyKeyField,
  selectedModel: null,
  busy: null,
  connection: null,
  warning: null,
  suggestedUrl: null,
  action: null,
  saves: 0,
  disconnects: 0,
};

/** The form as main describes it: used on load, after a save and after a disconnect. */
function fromView(state: PlatformFormState, view: InstanceView): PlatformFormState {
  return {
    ...state,
    phase: 'ready',
    saved: view,
    url: view.url,
    name: view.name ?? '',
    key: keyFieldFromView(view),
    selectedModel: view.selectedModel,
  };
}

export function platformFormReducer(state: PlatformFormState, action: PlatformFormAction): PlatformFormState {
  switch (action.type) {
    case 'config-loaded':
      return fromView(state, action.view);
    case 'config-failed':
      return { ...state, phase: 'ready', url: action.defaultUrl, connection: errorLine(action.error) };
    case 'url-changed':
      return { ...state, url: action.url, suggestedUrl: null };
    case 'name-changed':
      return { ...state, name: action.name };
    case 'key-typed':
      return { ...state, key: { ...state.key, typed: action.value } };
    case 'key-forgotten':
      return { ...state, key: { ...state.key, typed: '', forgotten: true } };
    case 'key-kept':
      return { ...state, key: { ...state.key, forgotten: false } };
    case 'model-selected':
      return { ...state, selectedModel: action.id, action: null };
    case 'saved-view-changed':
      return { ...state, saved: action.view };
    case 'test-started':
      return { ...state, busy: 'testing', connection: { tone: 'progress', text: 'Testing connection…' }, warning: null, suggestedUrl: null, action: null };
    case 'test-succeeded': {
      const offered = state.selectedModel !== null && action.offers(state.selectedModel);
      return {
        ...state,
        busy: null,
        selectedModel: offered ? state.selectedModel : null,
        connection: { tone: 'success', text: formatConnected(action.modelCount, action.latencyMs) },
        warning: action.warning,
      };
    }
    case 'test-failed':
      return { ...state, busy: null, connection: errorLine(action.error), suggestedUrl: action.error.suggestedUrl ?? null };
    case 'refresh-succeeded':
      return { ...state, connection: { tone: 'success', text: formatConnected(action.modelCount) } };
    case 'refresh-failed':
      return { ...state, connection: action.listKept ? null : errorLine(action.error) };
    case 'save-started':
      return { ...state, busy: 'saving', action: { tone: 'progress', text: 'Saving…' } };
    case 'save-succeeded':
      return { ...fromView(state, action.view), busy: null, action: { tone: 'success', text: 'Saved' }, saves: state.saves + 1 };
    case 'save-failed':
      return { ...state, busy: null, action: errorLine(action.error) };
    case 'disconnect-started':
      return { ...state, busy: 'disconnecting', action: { tone: 'progress', text: 'Disconnecting…' } };
    case 'disconnect-succeeded':
      return {
        ...fromView(state, action.view),
        busy: null,
        connection: null,
        warning: null,
        action: { tone: 'success', text: 'Disconnected' },
        disconnects: state.disconnects + 1,
      };
    case 'disconnect-failed':
      return { ...state, busy: null, action: errorLine(action.error) };
  }
}
