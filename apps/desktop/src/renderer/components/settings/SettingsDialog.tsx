import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import type { PlatformChange, SavedChoice } from '../../lib/saved-choices';
import { Icon } from '../ui/Icon';
import { Tabs } from '../ui/Tabs';
import { GeneralTab } from './GeneralTab';
import { ProxyPlatformsTab } from './ProxyPlatformsTab';
import { OpencodeSettingsTab } from '../opencode/OpencodeSettingsTab';

interface SettingsDialogProps {
  current: SavedChoice | null;
  onPlatformChange(change: PlatformChange): void;
  onClose(): void;
}

/** The modal Settings dialog: focus stays inside; Escape, Close and the backdrop close it. */
export function SettingsDialog({ current, onPlatformChange, onClose }: SettingsDialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const firstTabRef = useRef<HTMLButtonElement>(null);
  useFocusTrap(dialogRef, firstTabRef);

  // On the document, so Escape works wherever focus is; a combobox that uses Escape itself stops it first.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
  const onBackdropMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget) onClose();
  };

  return (
    <div className="dialog-backdrop" onMouseDown={onBackdropMouseDown}>
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog"
        data-testid="settings-dialog"
      >
        <header className="dialog-header">
          <h2 id={titleId}>Settings</h2>
          <button type="button" className="icon-button" aria-label="Close" data-testid="settings-close-button" onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        <Tabs
          label="Settings sections"
          orientation="vertical"
          selectedTabRef={firstTabRef}
          items={[
            { id: 'general', label: 'General', content: <GeneralTab /> },
            {
              id: 'proxy-platforms',
              label: 'Proxy Platforms',
              content: <ProxyPlatformsTab current={current} onChange={onPlatformChange} />,
            },
            { id: 'opencode', label: 'opencode', content: <OpencodeSettingsTab /> },
          ]}
        />
      </div>
    </div>
  );
}
