import { Icon } from '../ui/Icon';

export function Sidebar({ onOpenSettings }: { onOpenSettings(): void }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        <span className="brand-name">Switchboard</span>
      </div>
      <ul className="nav-list">
        <li>
          <span className="nav-item" aria-current="page">
            <Icon name="home" />
            Overview
          </span>
        </li>
      </ul>
      <div className="sidebar-footer">
        <button type="button" className="nav-item" data-testid="sidebar-settings-button" onClick={onOpenSettings}>
          <Icon name="settings" />
          Settings
        </button>
      </div>
    </nav>
  );
}
