import { useCallback, useState } from 'react';
import { SettingsDialog } from './components/settings/SettingsDialog';
import { Overview } from './components/shell/Overview';
import { Sidebar } from './components/shell/Sidebar';
import { StatusHeader } from './components/shell/StatusHeader';
import { useLaunchCheck } from './hooks/useLaunchCheck';
import { CatalogContext, useModelCatalog } from './hooks/useModelCatalog';
import { useSavedConfig } from './hooks/useSavedConfig';
import { savedModelAvailability } from './lib/current-model';

interface AppProps {
  /** What "3 min ago" is measured against; tests pass their own. */
  clock?: () => number;
}

export function App({ clock = Date.now }: AppProps) {
  const { config, update } = useSavedConfig();
  const catalog = useModelCatalog(clock);
  useLaunchCheck(config, catalog);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const closeSettings = useCallback(() => setSettingsOpen(false), []);
  const availability = savedModelAvailability(config, catalog.state);

  return (
    <CatalogContext.Provider value={catalog}>
      {/* While the modal is open the rest of the window is inert: no focus, no clicks, hidden from screen readers. */}
      <div className="app-shell" inert={settingsOpen}>
        <Sidebar onOpenSettings={openSettings} />
        <div className="app-main">
          <StatusHeader config={config} availability={availability} />
          <Overview config={config} availability={availability} />
        </div>
      </div>
      {settingsOpen ? <SettingsDialog config={config} onConfigChange={update} onClose={closeSettings} /> : null}
    </CatalogContext.Provider>
  );
}
