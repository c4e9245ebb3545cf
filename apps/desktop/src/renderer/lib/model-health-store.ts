import { parseInstanceId, type InstanceId, type ModelHealth, type ModelHealthMap } from '@switchboard/shared';
import { invokeSafe } from './bridge';

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
  const maps = new Map<InstanceId, ModelHealthMap>();
  const asked = new Set<InstanceId>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    healthOf: (instanceId) => maps.get(instanceId) ?? NONE,
    load(instanceId) {
      // An endpoint not saved yet (`custom:(new)`) has no checks, and no id main would take.
      if (asked.has(instanceId) || parseInstanceId(instanceId) === null) return;
      asked.add(instanceId);
      void invokeSafe('models:get-health', { instanceId }).then((read) => {
        // An unreadable record is no record: nothing is flagged, and a check writes a new one.
        if (!read.ok) return;
        // Results recorded while the read was under way are newer than it.
        maps.set(instanceId, { ...read.value, ...maps.get(instanceId) });
        changed();
      });
    },
    record(instanceId, modelId, health) {
      maps.set(instanceId, { ...maps.get(instanceId), [modelId]: health });
      changed();
    },
  };
}
