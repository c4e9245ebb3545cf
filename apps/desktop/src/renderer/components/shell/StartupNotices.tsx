import { useStartupNotices } from '../../hooks/useStartupNotices';
import { Icon } from '../ui/Icon';

const TITLES = {
  'settings-kept-aside': 'Your settings file could not be read',
  'settings-repaired': 'Part of your settings was dropped',
  'settings-newer': 'Your settings are from a newer Switchboard',
  'settings-in-memory': 'Settings will not be saved',
} as const;

/** The notices of this start, at the top of the window, until the person dismisses them. */
export function StartupNotices() {
  const { notices, dismiss } = useStartupNotices();
  if (notices.length === 0) return null;
  return (
    <div className="startup-notices">
      {notices.map((notice, index) => (
        <div key={`${notice.kind}-${index}`} className="startup-notice" role="alert" data-testid="startup-notice" data-kind={notice.kind}>
          <div className="startup-notice-text">
            <strong>{TITLES[notice.kind]}</strong>
            <p>{notice.message}</p>
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss notice" data-testid="startup-notice-dismiss" onClick={() => dismiss(index)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
