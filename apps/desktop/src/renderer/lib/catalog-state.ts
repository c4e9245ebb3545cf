import type { Model } from '@switchboard/shared';
import type { UiError } from './errors';

/** Why models are being fetched: a test of the form, a refresh asked for, or one Switchboard started itself. */
type FetchReason = 'test' | 'manual' | 'background';

/**
 * The model list of one platform instance, shared by the header and the
 * Settings panel: which proxy it belongs to, when it was fetched, whether it
 * is still arriving, and whether it is out of date.
 */
export interface CatalogState {
  /** The proxy the list belongs to. */
  url: string | null;
  models: Model[] | null;
  /** When the proxy gave this list (ms since the epoch). */
  fetchedAt: number | null;
  fetching: FetchReason | null;
  /** The ids are shown; what is known about them is still on its way. */
  enriching: boolean;
  /** The cached list is older than its lifetime. */
  expired: boolean;
  /** The last fetch failed: the list shown is the last one known. */
  error: UiError | null;
  /** Counts listings, so the metadata of an older one never lands on a newer list. */
  listing: number;
  /** The key's access decides what is listed (a LiteLLM team key): the proxy's sentence, until a listing without one. */
  accessNote: string | null;
}

export type CatalogAction =
  | { type: 'cache-loaded'; url: string; models: Model[]; fetchedAt: number; stale: boolean; accessNote?: string }
  | { type: 'fetch-started'; url: string; reason: FetchReason }
  /** `complete`: nothing more will follow (a server that lists ids only, asked before it is saved). */
  | { type: 'ids-loaded'; url: string; models: Model[]; fetchedAt: number; listing: number; complete?: boolean; accessNote?: string }
  /** What is known about a few models (the rows on screen), ahead of the rest: merged into the list by id. */
  | { type: 'metadata-some'; listing: number; models: Model[] }
  /** The metadata of the rest (or of all): merged by id, and nothing more is on its way. */
  | { type: 'metadata-loaded'; listing: number; models: Model[]; fetchedAt: number }
  | { type: 'metadata-failed'; listing: number }
  | { type: 'fetch-failed'; url: string; error: UiError }
  | { type: 'cleared' };

export const initialCatalogState: CatalogState = {
  url: null,
  models: null,
  fetchedAt: null,
  fetching: null,
  enriching: false,
  expired: false,
  error: null,
  listing: 0,
  accessNote: null,
};

/** The list in its own order, each model replaced by the one `known` has for its id. */
function mergeById(models: Model[] | null, known: readonly Model[]): Model[] | null {
  if (models === null || known.length === 0) return models;
  const byId = new Map(known.map((model) => [model.id, model]));
  return models.map((model) => byId.get(model.id) ?? model);
}

export function catalogReducer(state: CatalogState, action: CatalogAction): CatalogState {
  switch (action.type) {
    case 'cache-loaded': {
      // A list fetched in this session is never replaced by an older copy of itself.
      const newerShown = state.url === action.url && state.fetchedAt !== null && state.fetchedAt >= action.fetchedAt;
      if (newerShown) return state;
      return {
        ...state,
        url: action.url,
        models: action.models,
        fetchedAt: action.fetchedAt,
        enriching: false,
        expired: action.stale,
        error: null,
        // The note came with the list and is kept with it; an older cache without one leaves the shown note over its own proxy's list.
        accessNote: action.accessNote ?? (state.url === action.url ? state.accessNote : null),
      };
    }
    case 'fetch-started':
      return { ...state, fetching: action.reason };
    case 'ids-loaded':
      return {
        ...state,
        url: action.url,
        models: action.models,
        fetchedAt: action.fetchedAt,
        fetching: null,
        enriching: action.complete !== true,
        expired: false,
        error: null,
        listing: action.listing,
        accessNote: action.accessNote ?? null,
      };
    case 'metadata-some':
      // Too late once the rest is in: that one is newer, and complete.
      if (action.listing !== state.listing || !state.enriching) return state;
      return { ...state, models: mergeById(state.models, action.models) };
    case 'metadata-loaded':
      if (action.listing !== state.listing) return state;
      return { ...state, models: mergeById(state.models, action.models), fetchedAt: action.fetchedAt, enriching: false };
    case 'metadata-failed':
      return action.listing === state.listing ? { ...state, enriching: false } : state;
    case 'fetch-failed':
      // Nothing is thrown away for a proxy that did not answer: its last list stays, marked as stale.
      if (state.url === action.url && state.models !== null) return { ...state, fetching: null, error: action.error };
      // A list of another proxy says nothing about this one; the failure is kept, so the header can say it.
      return { ...initialCatalogState, url: action.url, error: action.error, listing: state.listing };
    case 'cleared':
      return { ...initialCatalogState, listing: state.listing };
  }
}

/** Why the last fetch of `url`'s list failed; null when it succeeded, or when the catalog holds another proxy. */
export function lastFailure(state: CatalogState, url: string | null | undefined): UiError | null {
  return url && state.url === url ? state.error : null;
}

/** The list is out of date: older than its lifetime, or its refresh failed. */
export function isStale(state: CatalogState): boolean {
  return state.models !== null && (state.expired || state.error !== null);
}

/** The list belongs to this proxy. */
export function listOf(state: CatalogState, url: string | null | undefined): Model[] | null {
  return url && state.url === url ? state.models : null;
}

/** The lists of every platform instance, by instance id. */
export type CatalogStates = Readonly<Record<string, CatalogState>>;

export type CatalogsAction =
  | { type: 'instance'; instanceId: string; action: CatalogAction }
  /** An endpoint saved for the first time gets its id: its list goes with it. */
  | { type: 'moved'; from: string; to: string };

export function catalogOf(states: CatalogStates, instanceId: string | null): CatalogState {
  return (instanceId === null ? undefined : states[instanceId]) ?? initialCatalogState;
}

export function catalogsReducer(states: CatalogStates, action: CatalogsAction): CatalogStates {
  if (action.type === 'moved') {
    const { [action.from]: moving, ...others } = states;
    return moving ? { ...others, [action.to]: moving } : states;
  }
  const before = catalogOf(states, action.instanceId);
  const after = catalogReducer(before, action.action);
  return after === before ? states : { ...states, [action.instanceId]: after };
}
