import { useId, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { modelInUse } from '../../lib/agents-entry';
import type { PlatformChange, SavedChoice } from '../../lib/saved-choices';
import { Icon } from '../ui/Icon';
import { Tabs } from '../ui/Tabs';
import { GeneralTab } from './GeneralTab';
import { ProxyPlatformsTab } from './ProxyPlatformsTab';
import { OpencodeSettingsTab } from '../opencode/OpencodeSettingsTab';
import { AgentsTab } from '../agents/AgentsTab';

interface SettingsDialogProps {
  current: SavedChoice | null;
  onPlatformChange(change: PlatformChange): void;
  onClose(): void;
}

/**
 * The modal Settings dialog, a native `<dialog>` opened with `showModal()`:
 * the browser keeps focus inside, makes the rest of the page inert, closes it
 * on Escape (unless a control inside used that Escape itself) and gives focus
 * back to the opener. Close and the backdrop close it the same way.
 */
export function SettingsDialog({ current, onPlatformChange, onClose }: SettingsDialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstTabRef = useRef<HTMLButtonElement>(null);

  // A layout effect, so an unmount while open still closes it in the document, where the browser returns focus.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    dialog.showModal();
    // showModal focuses the first control (Close); Settings opens on its selected tab instead.
    firstTabRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const close = () => dialogRef.current?.close();
  // The backdrop is the dialog's own ::backdrop: a press there targets the dialog, outside its box.
  const onMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target !== event.currentTarget) return;
    const box = event.currentTarget.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (inside) return;
    // Keeps the press from moving focus to the page once the dialog has given it back to the opener.
    event.preventDefault();
    close();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      className="dialog"
      data-testid="settings-dialog"
      onClose={onClose}
      onMouseDown={onMouseDown}
    >
      <header className="dialog-header">
        <h2 id={titleId}>Settings</h2>
        <button type="button" className="icon-button" aria-label="Close" data-testid="settings-close-button" onClick={close}>
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
          { id: 'agents', label: 'Agents', content: <AgentsTab inUse={modelInUse(current)} /> },
          { id: 'opencode', label: 'opencode', content: <OpencodeSettingsTab /> },
        ]}
      />
    </dialog>
  );
}
