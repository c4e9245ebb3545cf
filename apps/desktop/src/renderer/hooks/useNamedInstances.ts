import type { CustomEndpointView } from '@switchboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Outcome } from '../lib/bridge';
import type { UiError } from '../lib/errors';
import { instanceId, type PlatformDescriptor, type PlatformInstance } from '../lib/platforms';
import type { PlatformChange } from '../lib/saved-choices';
import { useCatalogStore } from './useModelCatalog';

export interface NamedInstances {
  /** null until the list is read. */
  list: CustomEndpointView[] | null;
  error: UiError | null;
  /** The instance being edited; its `endpointId` is null for a new one. */
  instance: PlatformInstance;
  /** Changes when another endpoint is opened (the panel starts afresh), not when a new one is saved and gets its id. */
  panelKey: number;
  select(endpointId: string | null): void;
  /** What the panel reports, after the list and selection have followed it. */
  onPanelChange(change: PlatformChange): void;
}

type ChooseFrom = (listed: CustomEndpointView[]) => string | null;

/**
 * The saved instances of a named platform (custom endpoints) and which one
 * the panel edits: `preferredId` first (the one in use), else the first
 * saved, else a new one. A new endpoint saved gets its id, and its model
 * list goes with it, in the same panel.
 */
export function useNamedInstances(platform: PlatformDescriptor, preferredId: string | null, onChange: (change: PlatformChange) => void): NamedInstances {
  const [list, setList] = useState<CustomEndpointView[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  // Only the first preference counts: later, the selection follows the user and the panel.
  const [initialId] = useState(preferredId);
  const [selection, setSelection] = useState({ id: initialId, panelKey: 0 });
  const { dispatch } = useCatalogStore();

  /** Opens `id`; `samePanel` when it is the endpoint just saved, which the open panel already shows. */
  const open = useCallback((id: string | null, samePanel = false) => {
    setSelection((current) => (current.id === id || samePanel ? { id, panelKey: current.panelKey } : { id, panelKey: current.panelKey + 1 }));
  }, []);
  const show = useCallback(
    (listed: Outcome<CustomEndpointView[]>, pick: ChooseFrom) => {
      setError(listed.ok ? null : listed.error);
      setList(listed.ok ? listed.value : []);
      if (listed.ok) open(pick(listed.value));
    },
    [open],
  );
  const read = useCallback(
    (): Promise<Outcome<CustomEndpointView[]>> => (platform.listInstances ? platform.listInstances() : Promise.resolve({ ok: true, value: [] })),
    [platform],
  );

  useEffect(() => {
    let active = true;
    void read().then((listed) => {
      if (active) show(listed, (views) => (views.some((view) => view.id === initialId) ? initialId : (views[0]?.id ?? null)));
    });
    return () => {
      active = false;
    };
  }, [read, show, initialId]);

  const select = useCallback(
    (endpointId: string | null) => {
      // A new endpoint starts from nothing, not from the last one tried and not saved.
      if (endpointId === null) dispatch({ type: 'instance', instanceId: instanceId({ platform, endpointId }), action: { type: 'cleared' } });
      open(endpointId);
    },
    [dispatch, platform, open],
  );

  const onPanelChange = useCallback(
    (change: PlatformChange) => {
      const { instance, view, event } = change;
      const endpointId = instance.endpointId ?? view.id ?? null;
      if (event === 'saved' && instance.endpointId === null && endpointId !== null) {
        // In one render: the list moves to the new instance id as the panel's instance does. The store's change
        // alone would render at once, before the selection (a state update made outside an event) caught up.
        flushSync(() => {
          dispatch({ type: 'moved', from: instanceId(instance), to: instanceId({ platform, endpointId }) });
          open(endpointId, true);
        });
      }
      const pick: ChooseFrom | null = event === 'saved' ? () => endpointId : event === 'disconnected' ? (views) => views[0]?.id ?? null : null;
      if (pick) void read().then((listed) => show(listed, pick));
      onChange({ ...change, instance: { platform, endpointId } });
    },
    [dispatch, platform, open, read, show, onChange],
  );

  return { list, error, instance: { platform, endpointId: selection.id }, panelKey: selection.panelKey, select, onPanelChange };
}
