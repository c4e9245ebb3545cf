import { normalizeBaseUrl, type LiteLLMConfigView, type NormalizedUrl } from '@switchboard/shared';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { invokeResult, invokeSafe } from '../lib/bridge';
import { availabilityOf } from '../lib/current-model';
import { keyInputFor } from '../lib/key-field';
import { initialLiteLLMState, litellmReducer, type LiteLLMState } from '../lib/litellm-state';
import { useCatalog, type ModelCatalog } from './useModelCatalog';

export interface LiteLLMConnection {
  state: LiteLLMState;
  catalog: ModelCatalog;
  urlCheck: NormalizedUrl;
  canTest: boolean;
  canSave: boolean;
  /** The model picked in the form is not in the latest list of its proxy. */
  selectedMissing: boolean;
  setUrl(url: string): void;
  typeKey(value: string): void;
  forgetKey(): void;
  keepKey(): void;
  selectModel(id: string): void;
  testConnection(): Promise<void>;
  /** Asks the saved proxy for its list again; null when nothing is saved. */
  refresh: (() => Promise<void>) | null;
  save(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * Everything the LiteLLM panel does over `window.switchboard`, behind one
 * reducer; the model list itself is the app's catalog (`useCatalog`). Every
 * call settles to a state; nothing here rejects. `onConfig` hears each fresh
 * view of the saved config (so the header can follow).
 */
export function useLiteLLMConnection(onConfig?: (view: LiteLLMConfigView) => void): LiteLLMConnection {
  const [state, dispatch] = useReducer(litellmReducer, initialLiteLLMState);
  const catalog = useCatalog();
  const onConfigRef = useRef(onConfig);
  const catalogRef = useRef(catalog);
  useEffect(() => {
    onConfigRef.current = onConfig;
    catalogRef.current = catalog;
  });

  const refreshSaved = useCallback(async (url: string, reason: 'manual' | 'background', hadList: boolean) => {
    const list = await catalogRef.current.refresh(url, reason);
    if (list.ok) dispatch({ type: 'refresh-succeeded', modelCount: list.value.models.length });
    else dispatch({ type: 'refresh-failed', error: list.error, listKept: hadList });
  }, []);

  // On opening: the saved config, the cached list at once, and a fetch behind it when the cache is old or missing.
  useEffect(() => {
    let active = true;
    void (async () => {
      const config = await invokeSafe('litellm:get-config');
      if (!active) return;
      if (!config.ok) {
        dispatch({ type: 'config-failed', error: config.error });
        return;
      }
      dispatch({ type: 'config-loaded', view: config.value });
      onConfigRef.current?.(config.value);
      if (!config.value.connected) return;
      const cached = await catalogRef.current.showCached();
      if (!active) return;
      const shown = catalogRef.current.state;
      const hadList = cached !== null || (shown.url === config.value.url && shown.models !== null);
      if (cached && !cached.stale) return;
      await refreshSaved(config.value.url, 'background', hadList);
    })();
    return () => {
      active = false;
    };
  }, [refreshSaved]);

  const urlCheck = useMemo(() => normalizeBaseUrl(state.url), [state.url]);
  const idle = state.phase === 'ready' && state.busy === null;
  const selectedMissing = availabilityOf(state.selectedModel, catalog.state.models) === 'missing';
  const canTest = idle && urlCheck.ok;
  const canSave = idle && urlCheck.ok && state.selectedModel !== null && !selectedMissing;

  const testConnection = useCallback(async () => {
    if (!canTest || !urlCheck.ok) return;
    dispatch({ type: 'test-started' });
    catalogRef.current.testStarted(urlCheck.url);
    const tested = await invokeResult('litellm:test-connection', { url: urlCheck.url, key: keyInputFor(state.key) });
    if (tested.ok) {
      dispatch({ type: 'test-succeeded', models: tested.value.models, latencyMs: tested.value.latencyMs });
      catalogRef.current.listed(tested.value.url, tested.value.models);
    } else {
      dispatch({ type: 'test-failed', error: tested.error });
      catalogRef.current.failed(urlCheck.url, tested.error);
    }
  }, [canTest, urlCheck, state.key]);

  const savedUrl = state.saved?.connected ? state.saved.url : null;
  const refresh = useMemo(() => {
    if (savedUrl === null) return null;
    return () => refreshSaved(savedUrl, 'manual', catalogRef.current.state.models !== null);
  }, [savedUrl, refreshSaved]);

  const save = useCallback(async () => {
    if (!canSave || !urlCheck.ok || state.selectedModel === null) return;
    dispatch({ type: 'save-started' });
    const saved = await invokeResult('litellm:set-config', {
      url: urlCheck.url,
      key: keyInputFor(state.key),
      selectedModel: state.selectedModel,
    });
    if (!saved.ok) {
      dispatch({ type: 'save-failed', error: saved.error });
      return;
    }
    dispatch({ type: 'save-succeeded', view: saved.value });
    onConfigRef.current?.(saved.value);
  }, [canSave, urlCheck, state.key, state.selectedModel]);

  const disconnect = useCallback(async () => {
    if (!idle) return;
    dispatch({ type: 'disconnect-started' });
    const result = await invokeResult('litellm:disconnect');
    if (!result.ok) {
      dispatch({ type: 'disconnect-failed', error: result.error });
      return;
    }
    dispatch({ type: 'disconnect-succeeded', view: result.value });
    catalogRef.current.clear();
    onConfigRef.current?.(result.value);
  }, [idle]);

  const setUrl = useCallback((url: string) => dispatch({ type: 'url-changed', url }), []);
  const typeKey = useCallback((value: string) => dispatch({ type: 'key-typed', value }), []);
  const forgetKey = useCallback(() => dispatch({ type: 'key-forgotten' }), []);
  const keepKey = useCallback(() => dispatch({ type: 'key-kept' }), []);
  const selectModel = useCallback((id: string) => dispatch({ type: 'model-selected', id }), []);

  return {
    state,
    catalog,
    urlCheck,
    canTest,
    canSave,
    selectedMissing,
    setUrl,
    typeKey,
    forgetKey,
    keepKey,
    selectModel,
    testConnection,
    refresh,
    save,
    disconnect,
  };
}
