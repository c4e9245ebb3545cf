import { useCallback, useEffect, useReducer } from 'react';
import { PLATFORMS } from '../lib/platforms';
import { currentChoice, initialSavedChoices, savedChoicesReducer, type PlatformChange, type SavedChoice, type SavedChoicesState } from '../lib/saved-choices';

export interface SavedChoices {
  state: SavedChoicesState;
  /** What the header shows; null when nothing is in use (or the launch read is not back yet, see `state.loaded`). */
  current: SavedChoice | null;
  update(change: PlatformChange): void;
}

/** Every saved connection, read once at launch, then kept up to date by the Settings panels. */
async function readChoices(): Promise<SavedChoice[]> {
  const read = await Promise.all(
    PLATFORMS.map(async (platform): Promise<SavedChoice[]> => {
      if (platform.listInstances) {
        const listed = await platform.listInstances();
        return listed.ok ? listed.value.map((view) => ({ instance: { platform, endpointId: view.id }, view })) : [];
      }
      const view = await platform.calls(null).getConfig();
      return view.ok ? [{ instance: { platform, endpointId: null }, view: view.value }] : [];
    }),
  );
  return read.flat();
}

export function useSavedChoices(): SavedChoices {
  const [state, dispatch] = useReducer(savedChoicesReducer, initialSavedChoices);
  useEffect(() => {
    let active = true;
    void readChoices().then((choices) => {
      if (active) dispatch({ type: 'launch-read', choices });
    });
    return () => {
      active = false;
    };
  }, []);
  const update = useCallback((change: PlatformChange) => dispatch({ type: 'changed', change }), []);
  return { state, current: currentChoice(state), update };
}
