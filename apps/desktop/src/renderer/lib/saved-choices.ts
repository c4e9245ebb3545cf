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
  /** The choice the header shows: the one saved most recently. */
  currentKey: string | null;
}

export type SavedChoicesAction = { type: 'launch-read'; choices: SavedChoice[] } | { type: 'changed'; change: PlatformChange };

export const initialSavedChoices: SavedChoicesState = { loaded: false, choices: {}, currentKey: null };

/** Connected with a model chosen: something an agent can be pointed at. */
export const inUse = (choice: SavedChoice | undefined): boolean => Boolean(choice?.view.connected && choice.view.selectedModel);

/** The choice in use that was saved last (platform order breaks ties, e.g. choices saved before times were kept). */
function firstInUse(choices: Readonly<Record<string, SavedChoice>>, except: string | null = null): string | null {
  let best: [string, number] | null = null;
  for (const [instanceId, choice] of Object.entries(choices)) {
    if (instanceId === except || !inUse(choice)) continue;
    const savedAt = choice.view.savedAt ?? 0;
    if (best === null || savedAt > best[1]) best = [instanceId, savedAt];
  }
  return best?.[0] ?? null;
}

export function savedChoicesReducer(state: SavedChoicesState, action: SavedChoicesAction): SavedChoicesState {
  if (action.type === 'launch-read') {
    // A panel may have answered first: what it said is newer than this read.
    const read = Object.fromEntries(action.choices.map((choice) => [instanceIdOf(choice.instance), choice]));
    const choices = { ...read, ...state.choices };
    return { loaded: true, choices, currentKey: state.currentKey ?? firstInUse(choices) };
  }
  const { instance, view, event } = action.change;
  const id = instanceIdOf(instance);
  const choices = { ...state.choices, [id]: { instance, view } };
  let currentKey = state.currentKey;
  if (event === 'saved' && inUse(choices[id])) currentKey = id;
  else if (currentKey === id && !inUse(choices[id])) currentKey = firstInUse(choices, id);
  else if (currentKey === null) currentKey = firstInUse(choices);
  return { ...state, choices, currentKey };
}

/** The choice the header shows, or null. */
export function currentChoice(state: SavedChoicesState): SavedChoice | null {
  return state.currentKey === null ? null : (state.choices[state.currentKey] ?? null);
}

/** "LiteLLM", "OpenRouter", or a custom endpoint's own name. */
export function choiceLabel({ instance, view }: SavedChoice): string {
  return instance.platform.instances === 'named' && view.name ? view.name : instance.platform.displayName;
}
