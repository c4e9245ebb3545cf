import { normalizeBaseUrl, type LiteLLMConfigView, type NormalizedUrl } from '@switchboard/shared';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { invokeResult, invokeSafe } from '../lib/bridge';
import { keyInputFor } from '../lib/key-field';
import { initialLiteLLMState, litellmReducer, type LiteLLMState } from '../lib/litellm-state';

export interface LiteLLMConnection {
  state: LiteLLMState;
  urlCheck: NormalizedUrl;
  canTest: boolean;
  canSave: boolean;
  setUrl(url: string): void;
  typeKey(value: string): void;
  forgetKey(): void;
  keepKey(): void;
  selectModel(id: string): void;
  testConnection(): Promise<void>;
  save(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * Everything the LiteLLM panel does over `window.switchboard`, behind one
 * reducer. Every call settles to a state; nothing here rejects. `onConfig`
 * hears each fresh view of the saved config (so the header can follow).
 */
export function useLiteLLMConnection(onConfig?: (view: LiteLLMConfigView) => void): LiteLLMConnection {
  const [state, dispatch] = useReducer(litellmReducer, initialLiteLLMState);
  const onConfigRef = useRef(onConfig);
  useEffect(() => {
    onConfigRef.current = onConfig;
  });

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
      dispatch({ type: 'models-loading' });
      const list = await invokeResult('litellm:fetch-models');
      if (!active) return;
      if (list.ok) dispatch({ type: 'models-loaded', models: list.value.models });
      else dispatch({ type: 'models-failed', error: list.error });
    })();
    return () => {
      active = false;
    };
  }, []);

  const urlCheck = useMemo(() => normalizeBaseUrl(state.url), [state.url]);
  const idle = state.phase === 'ready' && state.busy === null;
  const canTest = idle && urlCheck.ok;
  const canSave = idle && urlCheck.ok && state.selectedModel !== null;

  const testConnection = useCallback(async () => {
    if (!canTest || !urlCheck.ok) return;
    dispatch({ type: 'test-started' });
    const tested = await invokeResult('litellm:test-connection', { url: urlCheck.url, key: keyInputFor(state.key) });
    if (tested.ok) dispatch({ type: 'test-succeeded', models: tested.value.models, latencyMs: tested.value.latencyMs });
    else dispatch({ type: 'test-failed', error: tested.error });
  }, [canTest, urlCheck, state.key]);

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
    onConfigRef.current?.(result.value);
  }, [idle]);

  const setUrl = useCallback((url: string) => dispatch({ type: 'url-changed', url }), []);
  const typeKey = useCallback((value: string) => dispatch({ type: 'key-typed', value }), []);
  const forgetKey = useCallback(() => dispatch({ type: 'key-forgotten' }), []);
  const keepKey = useCallback(() => dispatch({ type: 'key-kept' }), []);
  const selectModel = useCallback((id: string) => dispatch({ type: 'model-selected', id }), []);

  return { state, urlCheck, canTest, canSave, setUrl, typeKey, forgetKey, keepKey, selectModel, testConnection, save, disconnect };
}
