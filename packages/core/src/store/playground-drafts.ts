import type { PlaygroundDraft } from '@switchboard/shared';
import type { KeptDraft } from './settings-schema.js';
import type { SettingsStore } from './settings-store.js';

/**
 * Bounds on the drafts kept in settings.json, which every channel reads: the
 * most recent stay, the oldest go first.
 */
export const DRAFT_LIMITS = {
  count: 100,
  /** All kept drafts together, as JSON: a few long drafts must not make every read of the settings slow. */
  chars: 1_000_000,
} as const;

/**
 * The key a draft is filed under: its instance id, NUL, its model id. An
 * instance id never holds NUL (see shared's instance-id.ts), so the first NUL
 * always splits the two, whatever the model id holds.
 */
const draftKey = (instanceId: string, modelId: string) => `${instanceId}\u0000${modelId}`;

/** Newest first, then cut where either bound is reached; the newest always stays. */
function newestWithin(drafts: Record<string, KeptDraft>): Record<string, KeptDraft> {
  const kept: [string, KeptDraft][] = [];
  let chars = 0;
  for (const entry of Object.entries(drafts).sort(([, a], [, b]) => b.savedAt - a.savedAt)) {
    chars += JSON.stringify(entry[1].draft).length;
    if (kept.length > 0 && (kept.length >= DRAFT_LIMITS.count || chars > DRAFT_LIMITS.chars)) break;
    kept.push(entry);
  }
  return Object.fromEntries(kept);
}

/** What the person last typed in the playground, per instance and model, kept in the settings file across restarts. */
export interface PlaygroundDrafts {
  read(instanceId: string, modelId: string): PlaygroundDraft | null;
  keep(instanceId: string, modelId: string, draft: PlaygroundDraft, savedAt: number): void;
}

export function createPlaygroundDrafts(settings: SettingsStore): PlaygroundDrafts {
  return {
    read(instanceId, modelId) {
      const drafts = settings.read().playground.drafts;
      const key = draftKey(instanceId, modelId);
      return Object.hasOwn(drafts, key) ? (drafts[key] as KeptDraft).draft : null;
    },
    keep(instanceId, modelId, draft, savedAt) {
      const current = settings.read();
      const drafts = newestWithin(Object.fromEntries([...Object.entries(current.playground.drafts), [draftKey(instanceId, modelId), { draft, savedAt }]]));
      settings.write({ ...current, playground: { ...current.playground, drafts } });
    },
  };
}
