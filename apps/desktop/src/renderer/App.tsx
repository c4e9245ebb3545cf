import { useCallback, useState } from 'react';
import { SettingsDialog } from './components/settings/SettingsDialog';
import { Overview } from './components/shell/Overview';
import { Sidebar } from './components/shell/Sidebar';
import { StatusHeader } from './components/shell/StatusHeader';
import { useSavedConfig } from './hooks/useSavedConfig';

export function App() {
  const { config, update } = useSavedConfig();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const closeSettings = useCallback(() => setSettingsOpen(false), []);

  return (
    <>
      {/* While the modal is open the rest of the window is inert: no focus, no clicks, hidden from screen readers. */}
      <div className="app-shell" inert={settingsOpen}>
        <Sidebar onOpenSettings={openSettings} />
        <div className="app-main">
          <StatusHeader config={config} />
          <Overview config={config} />
        </div>
      </div>
      {settingsOpen ? <SettingsDialog config={config} onConfigChange={update} onClose={closeSettings} /> : null}
    </>
  );
}
