import { useId } from 'react';
import type { OpencodeSettings } from '../../hooks/useOpencodeSettings';

interface OpencodeSyncSwitchProps {
  settings: OpencodeSettings;
  testId: string;
  /** Something else is under way (a preview, a write): the switch waits. */
  disabled?: boolean;
}

/** "Keep opencode in sync when I choose a model": a checkbox that reads as a switch. */
export function OpencodeSyncSwitch({ settings, testId, disabled = false }: OpencodeSyncSwitchProps) {
  const id = useId();
  const view = settings.settings;
  const on = view?.sync ?? false;
  const onChange = () => {
    // One change at a time; the switch stays focusable meanwhile (a disabled one would drop focus).
    if (settings.saving) return;
    void settings.change(
      { sync: !on },
      on ? 'Use This Model no longer changes the opencode config.' : 'Use This Model now updates the opencode config.',
    );
  };

  return (
    <div className="opencode-switch-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="opencode-switch"
        data-testid={testId}
        checked={on}
        aria-checked={on}
        aria-describedby={`${id}-help`}
        disabled={!view || disabled}
        onChange={onChange}
      />
      <label htmlFor={id}>Keep opencode in sync when I choose a model</label>
      <span id={`${id}-help`} className="field-help opencode-switch-help">
        {on ? 'Use This Model writes the new model into the opencode config.' : 'Use This Model shows the change first; Write config applies it.'}
      </span>
    </div>
  );
}
