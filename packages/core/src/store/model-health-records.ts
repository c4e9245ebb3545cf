import { ModelHealthSchema, type ModelHealth, type ModelHealthMap } from '@switchboard/shared';
import type { ConfLike } from './settings-store.js';

/** Four full checks' worth: the newest stay, the oldest go first. */
export const MAX_KEPT_RESULTS = 2_000;

/**
 * Results that come within this time of each other are written together: a
 * check of 500 fast models would otherwise rewrite the file 500 times, each
 * write blocking the process for milliseconds. A crash loses at most this
 * much; the check that made them can be run again.
 */
export const WRITE_DELAY_MS = 250;

/** One instance's results, for the proxy they were taken against: another URL is another proxy, whose models these say nothing about. */
interface InstanceResults {
  url: string;
  models: Map<string, ModelHealth>;
}

type Kept = Map<string, InstanceResults>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file as written: each result checked on its own, a broken one (a hand edit) dropped. */
function load(stored: Record<string, unknown>): Kept {
  const kept: Kept = new Map();
  for (const [instanceId, entry] of Object.entries(stored)) {
    if (!isRecord(entry) || typeof entry['url'] !== 'string' || !isRecord(entry['models'])) continue;
    const models = new Map<string, ModelHealth>();
    for (const [modelId, health] of Object.entries(entry['models'])) {
      const parsed = ModelHealthSchema.safeParse(health);
      if (parsed.success) models.set(modelId, parsed.data);
    }
    kept.set(instanceId, { url: entry['url'], models });
  }
  return kept;
}

function trim(kept: Kept): void {
  const all = [...kept].flatMap(([instanceId, { models }]) => [...models].map(([modelId, health]) => ({ instanceId, modelId, at: health.checkedAt })));
  if (all.length <= MAX_KEPT_RESULTS) return;
  for (const old of all.sort((a, b) => b.at - a.at).slice(MAX_KEPT_RESULTS)) kept.get(old.instanceId)?.models.delete(old.modelId);
}

// fromEntries defines own properties: a model named "__proto__" is an entry like any other, in the file and in the answer.
const asRecord = (models: Map<string, ModelHealth>): ModelHealthMap => Object.fromEntries(models);

/**
 * The last check of each model, by instance id then model id, so a model
 * that failed stays flagged until it is checked again. Results belong to the
 * proxy they were taken against: once an instance points at another URL they
 * are not answered, and its next result replaces them. They live in a file of
 * their own (`model-health.json`), not in settings.json: a check writes a
 * result per model as it finishes, and every channel reads the settings.
 */
export interface ModelHealthRecords {
  /** The results of this instance taken against `url`; none for another URL. */
  read(instanceId: string, url: string): ModelHealthMap;
  /** Answered by `read` at once; written to the file within {@link WRITE_DELAY_MS}, or by `flush`. */
  keep(instanceId: string, url: string, modelId: string, health: ModelHealth): void;
  /** Writes what is kept now: a check calls it when it ends. */
  flush(): void;
}

export function createModelHealthRecords(conf: ConfLike): ModelHealthRecords {
  // Read once: this process is the file's only writer, and a check keeps hundreds of results in a row.
  let kept: Kept | null = null;
  let pending: NodeJS.Timeout | null = null;
  const current = (): Kept => (kept ??= load(conf.store));
  const flush = () => {
    if (pending === null) return;
    clearTimeout(pending);
    pending = null;
    const entries = [...current()].filter(([, { models }]) => models.size > 0);
    conf.store = Object.fromEntries(entries.map(([instanceId, { url, models }]) => [instanceId, { url, models: asRecord(models) }]));
  };
  return {
    read(instanceId, url) {
      const results = current().get(instanceId);
      return results?.url === url ? asRecord(results.models) : {};
    },
    keep(instanceId, url, modelId, health) {
      const all = current();
      const before = all.get(instanceId);
      const results = before?.url === url ? before : { url, models: new Map<string, ModelHealth>() };
      results.models.delete(modelId);
      results.models.set(modelId, health);
      all.set(instanceId, results);
      trim(all);
      // Unref'd: a pending write never keeps a process alive that has nothing else to do.
      pending ??= setTimeout(flush, WRITE_DELAY_MS).unref();
    },
    flush,
  };
}
