import type { InstanceId, ModelHealthMap } from '@switchboard/shared';
import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { ModelHealthStore } from '../lib/model-health-store';

export const ModelHealthStoreContext = createContext<ModelHealthStore | null>(null);

/**
 * The checks of the list a model picker shows, for its rows' "check failed"
 * flag: the picker's parent provides it, so the picker itself needs no prop.
 */
export const ShownModelHealthContext = createContext<ModelHealthMap | null>(null);

const EMPTY: ModelHealthMap = {};
const NO_STORE: Pick<ModelHealthStore, 'subscribe' | 'healthOf'> = { subscribe: () => () => {}, healthOf: () => EMPTY };

/** The instance's last checks by model id, read from main once and kept current by checks. */
export function useModelHealth(instanceId: InstanceId): ModelHealthMap {
  const store = useContext(ModelHealthStoreContext);
  useEffect(() => store?.load(instanceId), [store, instanceId]);
  const source = store ?? NO_STORE;
  return useSyncExternalStore(source.subscribe, () => source.healthOf(instanceId));
}

export function useModelHealthStore(): ModelHealthStore | null {
  return useContext(ModelHealthStoreContext);
}
