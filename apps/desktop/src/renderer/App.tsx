import { useCallback, useMemo, useState } from 'react';
import { SettingsDialog } from './components/settings/SettingsDialog';
import { Overview } from './components/shell/Overview';
import { Sidebar } from './components/shell/Sidebar';
import { StartupNotices } from './components/shell/StartupNotices';
import { StatusHeader } from './components/shell/StatusHeader';
import { useLaunchCheck } from './hooks/useLaunchCheck';
import { CatalogStoreContext, useModelCatalog } from './hooks/useModelCatalog';
import { ModelHealthStoreContext } from './hooks/useModelHealth';
import { useSavedChoices } from './hooks/useSavedChoices';
import { createCatalogStore } from './lib/catalog-store';
import { savedModelAvailability } from './lib/current-model';
import { headerStatus } from './lib/header-status';
import { createModelHealthStore } from './lib/model-health-store';
import { LITELLM, type PlatformInstance } from './lib/platforms';
import { inUse } from './lib/saved-choices';

interface AppProps {
  /** What "3 min ago" is measured against; tests pass their own. */
  clock?: () => number;
}

export function App({ clock = Date.now }: AppProps) {
  // One model list per platform instance, for the header and Settings alike; one store for the app's life.
  const [catalogs] = useState(() => createCatalogStore(clock));
  // The last check of each model, for the platform panel that checks and every picker that flags a failure.
  const [health] = useState(createModelHealthStore);
  return (
    <CatalogStoreContext.Provider value={catalogs}>
      <ModelHealthStoreContext.Provider value={health}>
        <Workspace />
      </ModelHealthStoreContext.Provider>
    </CatalogStoreContext.Provider>
  );
}

// The catalog the header follows while nothing is in use: it is never asked anything.
const NOTHING_IN_USE: PlatformInstance = { platform: LITELLM, endpointId: null };

function Workspace() {
  const saved = useSavedChoices();
  const { current } = saved;
  const catalog = useModelCatalog(current?.instance ?? NOTHING_IN_USE);
  useLaunchCheck(saved.state.loaded, current, catalog);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const closeSettings = useCallback(() => setSettingsOpen(false), []);
  const availability = savedModelAvailability(current?.view, catalog.state);
  const { choices } = saved.state;
  const usable = useMemo(() => Object.values(choices).filter(inUse), [choices]);

  return (
    <>
      <div className="app-shell">
        <Sidebar onOpenSettings={openSettings} />
        <div className="app-main">
          <StartupNotices />
          <StatusHeader current={current} loading={!saved.state.loaded} availability={availability} status={headerStatus(current, catalog.state)} />
          <Overview current={current} availability={availability} choices={usable} />
        </div>
      </div>
      {settingsOpen ? <SettingsDialog current={current} onPlatformChange={saved.update} onClose={closeSettings} /> : null}
    </>
  );
}
