import type { InstanceView } from './platform-calls';
import { instanceId as instanceIdOf, type PlatformInstance } from './platforms';

/** What a platform panel tells the app: a view of its saved config, read, saved, or removed. */
export interface PlatformChange {
  instance: PlatformInstance;
  view: InstanceView;
  event: 'loaded' | 'saved' | 'disconnected';
}

/** A saved connection the header and overview can name. */
export interface SavedChoice {
  instance: PlatformInstance;
  view: InstanceView;
}

export interface SavedChoicesState {
  /** false until the launch read answered (or failed). */
  loaded: boolean;
  /** By instance id, in platform order. */
  choices: Readonly<Record<string, SavedChoice>>;
  /** The instance saved last in this session: what the header shows while it stays in use. */
  lastSaved: string | null;
}

export type SavedChoicesAction = { type: 'launch-read'; choices: SavedChoice[] } | { type: 'changed'; change: PlatformChange };

export const initialSavedChoices: SavedChoicesState = { loaded: false, choices: {}, lastSaved: null };

/** Connected with a model chosen: something an agent can be pointed at. */
export const inUse = (choice: SavedChoice | undefined): boolean => Boolean(choice?.view.connected && choice.view.selectedModel);

/** The choice in use that was saved last (platform order breaks ties, e.g. choices saved before times were kept). */
function lastInUse(choices: Readonly<Record<string, SavedChoice>>): SavedChoice | null {
  let best: SavedChoice | null = null;
  for (const choice of Object.values(choices)) {
    if (inUse(choice) && (best === null || (choice.view.savedAt ?? 0) > (best.view.savedAt ?? 0))) best = choice;
  }
  return best;
}

export function savedChoicesReducer(state: SavedChoicesState, action: SavedChoicesAction): SavedChoicesState {
  if (action.type === 'launch-read') {
    // A panel may have answered first: what it said is newer than this read.
    const read = Object.fromEntries(action.choices.map((choice) => [instanceIdOf(choice.instance), choice]));
    return { ...state, loaded: true, choices: { ...read, ...state.choices } };
  }
  const { instance, view, event } = action.change;
  const id = instanceIdOf(instance);
  return { ...state, choices: { ...state.choices, [id]: { instance, view } }, lastSaved: event === 'saved' ? id : state.lastSaved };
}

/** The choice the header shows, or null: the one saved last in this session while it is in use, else the one in use saved last. */
export function currentChoice(state: SavedChoicesState): SavedChoice | null {
  const saved = state.lastSaved === null ? undefined : state.choices[state.lastSaved];
  return saved && inUse(saved) ? saved : lastInUse(state.choices);
}

/** "LiteLLM", "OpenRouter", or a custom endpoint's own name. */
export function choiceLabel({ instance, view }: SavedChoice): string {
  return instance.platform.instances === 'named' && view.name ? view.name : instance.platform.displayName;
}
