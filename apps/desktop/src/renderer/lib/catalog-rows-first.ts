import { MAX_METADATA_IDS, type Model } from '@switchboard/shared';
import type { CatalogState } from './catalog-state';

/**
 * How long the whole metadata answer waits for the rows on screen to get
 * theirs: a screen's worth is a few small answers, and the whole one (tens of
 * MB at 10,000 models) would crowd them out if asked alongside.
 */
const ROWS_FIRST_WAIT_MS = 1_000;

interface Pending {
  listing: number;
  /** Ids already asked about, so a scroll asks only for rows not seen yet. */
  asked: Set<string>;
  /** Resolves true when the metadata came and was merged in (the rest asks for these rows again in any case). */
  ask(ids: string[]): Promise<boolean>;
  /** The first rows' question, once a picker has shown some. */
  first: Promise<void> | null;
}

/**
 * The metadata of the rows on screen, before the rest (README, "Ids first,
 * metadata after"): a listing whose metadata is on its way says how to ask
 * about a few models; a picker says which rows it shows; the whole answer is
 * asked once those rows have theirs.
 */
export interface RowsFirst {
  /** A listing is shown without metadata; `ask` brings a few models' and merges them in. */
  expect(instanceId: string, listing: number, ask: (ids: string[]) => Promise<boolean>): void;
  /** A picker of `models` (the list's own array, which says whose it is) shows these ids. */
  rowsShown(models: readonly Model[], ids: readonly string[]): void;
  /** Settles once the rows first shown have their metadata (or at once when no picker showed any, or after a short wait). */
  answered(instanceId: string, listing: number): Promise<void>;
}

export function createRowsFirst(stateOf: (instanceId: string) => CatalogState): RowsFirst {
  const pending = new Map<string, Pending>();
  return {
    expect(instanceId, listing, ask) {
      pending.set(instanceId, { listing, asked: new Set(), ask, first: null });
    },
    rowsShown(models, ids) {
      for (const [instanceId, waiting] of pending) {
        const state = stateOf(instanceId);
        if (state.models !== models) continue;
        if (state.listing !== waiting.listing || !state.enriching) {
          pending.delete(instanceId);
          return;
        }
        const fresh = ids.filter((id) => !waiting.asked.has(id)).slice(0, MAX_METADATA_IDS);
        if (fresh.length === 0) return;
        fresh.forEach((id) => waiting.asked.add(id));
        const asking = waiting.ask(fresh).then(() => undefined);
        waiting.first ??= asking;
        return;
      }
    },
    answered(instanceId, listing) {
      const waiting = pending.get(instanceId);
      if (!waiting || waiting.listing !== listing || waiting.first === null) return Promise.resolve();
      return Promise.race([waiting.first, new Promise<void>((resolve) => setTimeout(resolve, ROWS_FIRST_WAIT_MS))]);
    },
  };
}
