import { normalizeBaseUrl, type NormalizedUrl } from '@switchboard/shared';
import { useCallback, useEffect, useEffectEvent, useMemo, useReducer } from 'react';
import { availabilityOf } from '../lib/current-model';
import type { DiagnosisRun } from '../lib/diagnosis-run';
import { keyInputFor, typedKeyProblem } from '../lib/key-field';
import type { InstanceView, PlatformCalls } from '../lib/platform-calls';
import { initialPlatformFormState, platformFormReducer, type PlatformFormState } from '../lib/platform-form-state';
import type { PlatformInstance } from '../lib/platforms';
import type { PlatformChange } from '../lib/saved-choices';
import { urlOffer, type UrlOffer } from '../lib/url-offer';
import { useDiagnosis } from './useDiagnosis';
import { useModelCatalog, type ModelCatalog } from './useModelCatalog';
import { usePlatformCalls } from './usePlatformCalls';

export interface PlatformConnection {
  state: PlatformFormState;
  /** The instance's channels, for what the panel adds around the connection (typed limits). */
  calls: PlatformCalls;
  catalog: ModelCatalog;
  /** Test Connection's steps, as they run and after, until the next test. */
  diagnosis: DiagnosisRun;
  urlCheck: NormalizedUrl;
  /** An address to offer in place of the typed one, or null. */
  urlOffer: UrlOffer | null;
  /** The platform needs a key and none is typed or stored. */
  keyMissing: boolean;
  canTest: boolean;
  canSave: boolean;
  /** The model picked in the form is not in the latest list of its proxy. */
  selectedMissing: boolean;
  setUrl(url: string): void;
  setName(name: string): void;
  typeKey(value: string): void;
  forgetKey(): void;
  keepKey(): void;
  selectModel(id: string): void;
  /** main answered a newer view of the saved config (typed limits): the form keeps what is typed. */
  savedViewChanged(view: InstanceView): void;
  testConnection(): Promise<void>;
  /** Puts the offered address into the field; an offer made after a failed test also tests it at once. */
  takeOffer(offer: UrlOffer): void;
  /** Asks the saved proxy for its list again; null when nothing is saved. */
  refresh: (() => Promise<void>) | null;
  save(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * Everything a platform panel does over `window.switchboard`, for any
 * platform, behind one reducer; the model list itself is the instance's
 * catalog. Every call settles to a state; nothing here rejects. `onChange`
 * hears each fresh view of the saved config (so the header can follow).
 */
export function usePlatformConnection(instance: PlatformInstance, onChange?: (change: PlatformChange) => void): PlatformConnection {
  const { platform } = instance;
  const [state, dispatch] = useReducer(platformFormReducer, initialPlatformFormState);
  const calls = usePlatformCalls(instance);
  const catalog = useModelCatalog(instance);
  const diagnosis = useDiagnosis();
  const diagnose = diagnosis.start;
  const { latest, showCached, refresh: refreshCatalog, testStarted, listed, failed, clear } = catalog;
  // Heard from the opening effect, which must not run again because the panel's parent passed a new function.
  const reportLoaded = useEffectEvent((view: InstanceView) => onChange?.({ instance, view, event: 'loaded' }));

  const refreshSaved = useCallback(
    async (url: string, reason: 'manual' | 'background', hadList: boolean) => {
      const list = await refreshCatalog(url, reason);
      if (list.ok) dispatch({ type: 'refresh-succeeded', modelCount: list.value.modelIds.length });
      else dispatch({ type: 'refresh-failed', error: list.error, listKept: hadList });
    },
    [refreshCatalog],
  );

  // On opening (and when a new endpoint, once saved, gets its id and so its own calls): the saved config,
  // the cached list at once, and a fetch behind it when the cache is old or missing.
  useEffect(() => {
    let active = true;
    void (async () => {
      const config = await calls.getConfig();
      if (!active) return;
      if (!config.ok) {
        dispatch({ type: 'config-failed', error: config.error, defaultUrl: platform.defaultUrl });
        return;
      }
      dispatch({ type: 'config-loaded', view: config.value });
      reportLoaded(config.value);
      if (!config.value.connected) return;
      const cached = await showCached();
      if (!active) return;
      const shown = latest();
      const hadList = cached !== null || (shown.url === config.value.url && shown.models !== null);
      if (cached && !cached.stale) return;
      await refreshSaved(config.value.url, 'background', hadList);
    })();
    return () => {
      active = false;
    };
  }, [calls, platform, showCached, latest, refreshSaved]);

  const fixedUrl = platform.urlField === 'fixed';
  const checkUrl = useCallback((url: string): NormalizedUrl => (fixedUrl ? { ok: true, url } : normalizeBaseUrl(url)), [fixedUrl]);
  const urlCheck = useMemo(() => checkUrl(state.url), [checkUrl, state.url]);
  const offer = useMemo(() => urlOffer(urlCheck, state.suggestedUrl, fixedUrl), [urlCheck, state.suggestedUrl, fixedUrl]);
  // A fixed address is the platform's own: main knows it, so it is never sent.
  const sentUrl = fixedUrl || !urlCheck.ok ? undefined : urlCheck.url;
  const key = useMemo(() => keyInputFor(state.key), [state.key]);
  const keyMissing = platform.keyRequired && key.mode === 'none';
  const keyInvalid = useMemo(() => typedKeyProblem(state.key) !== null, [state.key]);
  const nameMissing = platform.instances === 'named' && state.name.trim() === '';
  const idle = state.phase === 'ready' && state.busy === null;
  const selectedMissing = availabilityOf(state.selectedModel, catalog.state.models) === 'missing';
  const keyReady = !keyMissing && !keyInvalid;
  const canTest = idle && urlCheck.ok && keyReady;
  const canSave = canTest && !nameMissing && state.selectedModel !== null && !selectedMissing;

  // Takes the URL to test, so an offered address can be tested in the same click that puts it in the field.
  const testUrl = useCallback(
    async (typed: string) => {
      const check = checkUrl(typed);
      if (!idle || !keyReady || !check.ok) return;
      dispatch({ type: 'test-started' });
      testStarted(check.url);
      // Step by step; a saved endpoint's id brings its own network settings.
      const tested = await diagnose({
        platform: platform.id,
        ...(instance.endpointId === null ? {} : { endpointId: instance.endpointId }),
        // As typed: the url step says what it changed, and notices what normalising would hide (/v1 twice).
        ...(fixedUrl ? {} : { url: typed.trim() }),
        key,
      });
      if (tested.ok) {
        const { url, modelIds, latencyMs, warning, accessNote } = tested.value;
        dispatch({ type: 'test-succeeded', modelCount: modelIds.length, offers: (id) => modelIds.includes(id), latencyMs, warning });
        listed(url, modelIds, accessNote);
      } else {
        dispatch({ type: 'test-failed', error: tested.error });
        failed(check.url, tested.error);
      }
    },
    [checkUrl, idle, keyReady, fixedUrl, key, diagnose, platform.id, instance.endpointId, testStarted, listed, failed],
  );
  const testConnection = useCallback(() => testUrl(state.url), [testUrl, state.url]);
  const takeOffer = useCallback(
    (taken: UrlOffer) => {
      dispatch({ type: 'url-changed', url: taken.url });
      if (taken.retest) void testUrl(taken.url);
    },
    [testUrl],
  );

  const savedUrl = state.saved?.connected ? state.saved.url : null;
  const refresh = useMemo(() => {
    if (savedUrl === null) return null;
    return () => refreshSaved(savedUrl, 'manual', latest().models !== null);
  }, [savedUrl, refreshSaved, latest]);

  const save = useCallback(async () => {
    if (!canSave || state.selectedModel === null) return;
    dispatch({ type: 'save-started' });
    const saved = await calls.save({ url: sentUrl, key, selectedModel: state.selectedModel, name: state.name.trim() });
    if (!saved.ok) {
      dispatch({ type: 'save-failed', error: saved.error });
      return;
    }
    dispatch({ type: 'save-succeeded', view: saved.value });
    onChange?.({ instance, view: saved.value, event: 'saved' });
  }, [canSave, calls, sentUrl, key, state.selectedModel, state.name, onChange, instance]);

  const disconnect = useCallback(async () => {
    if (!idle) return;
    dispatch({ type: 'disconnect-started' });
    const result = await calls.disconnect();
    if (!result.ok) {
      dispatch({ type: 'disconnect-failed', error: result.error });
      return;
    }
    dispatch({ type: 'disconnect-succeeded', view: result.value });
    clear();
    onChange?.({ instance, view: result.value, event: 'disconnected' });
  }, [idle, calls, clear, onChange, instance]);

  const setUrl = useCallback((url: string) => dispatch({ type: 'url-changed', url }), []);
  const setName = useCallback((name: string) => dispatch({ type: 'name-changed', name }), []);
  const typeKey = useCallback((value: string) => dispatch({ type: 'key-typed', value }), []);
  const forgetKey = useCallback(() => dispatch({ type: 'key-forgotten' }), []);
  const keepKey = useCallback(() => dispatch({ type: 'key-kept' }), []);
  const selectModel = useCallback((id: string) => dispatch({ type: 'model-selected', id }), []);
  const savedViewChanged = useCallback((view: InstanceView) => dispatch({ type: 'saved-view-changed', view }), []);

  return {
    state,
    calls,
    catalog,
    diagnosis: diagnosis.run,
    urlCheck,
    urlOffer: offer,
    keyMissing,
    canTest,
    canSave,
    selectedMissing,
    setUrl,
    setName,
    typeKey,
    forgetKey,
    keepKey,
    selectModel,
    savedViewChanged,
    testConnection,
    takeOffer,
    refresh,
    save,
    disconnect,
  };
}
