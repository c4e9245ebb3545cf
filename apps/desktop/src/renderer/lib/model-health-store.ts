import { parseInstanceId, type InstanceId, type ModelHealth, type ModelHealthMap } from '@switchboard/shared';
import { invokeSafe } from './bridge';
import { createSnapshotStore } from './snapshot-store';

const NONE: ModelHealthMap = {};

/**
 * The last check of every model, per instance, held once for the app so the
 * platform panel that runs a check and every model picker say the same thing.
 * Read from main once per instance (`models:get-health`); a check's results
 * are recorded as they arrive.
 */
export interface ModelHealthStore {
  subscribe(listener: () => void): () => void;
  /** The instance's last checks by model id (empty until read). */
  healthOf(instanceId: InstanceId): ModelHealthMap;
  /** Reads the instance's checks from main, once. */
  load(instanceId: InstanceId): void;
  record(instanceId: InstanceId, modelId: string, health: ModelHealth): void;
}

export function createModelHealthStore(): ModelHealthStore {
  // One snapshot of every instance's checks: the renderer's one store idiom (snapshot-store.ts).
  const store = createSnapshotStore<ReadonlyMap<InstanceId, ModelHealthMap>>(new Map());
  const asked = new Set<InstanceId>();
  const put = (instanceId: InstanceId, health: ModelHealthMap) => store.set(new Map(store.get()).set(instanceId, health));
  return {
    subscribe: store.subscribe,
    healthOf: (instanceId) => store.get().get(instanceId) ?? NONE,
    load(instanceId) {
      // An endpoint not saved yet (`custom:(new)`) has no checks, and no id main would take.
      if (asked.has(instanceId) || parseInstanceId(instanceId) === null) return;
      asked.add(instanceId);
      void invokeSafe('models:get-health', { instanceId }).then((read) => {
        // An unreadable record is no record: nothing is flagged, and a check writes a new one.
        if (!read.ok) return;
        // Results recorded while the read was under way are newer than it.
        put(instanceId, { ...read.value, ...store.get().get(instanceId) });
      });
    },
    record(instanceId, modelId, health) {
      put(instanceId, { ...store.get().get(instanceId), [modelId]: health });
    },
  };
}
