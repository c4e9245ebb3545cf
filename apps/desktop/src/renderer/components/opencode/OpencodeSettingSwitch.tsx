import { useId } from 'react';
import type { OpencodeSettingsEditor } from '../../hooks/useOpencodeSettings';

/** The opencode settings that are on or off. */
type OpencodeSwitchSetting = 'sync' | 'writeResponsesOnly';

interface OpencodeSettingSwitchProps {
  settings: OpencodeSettingsEditor;
  setting: OpencodeSwitchSetting;
  testId: string;
  /** The visible label, which is also the switch's accessible name. */
  label: string;
  /** What the current position means, under the switch. */
  help(on: boolean): string;
  /** What is announced once the new position is saved. */
  saved(nowOn: boolean): string;
  /** Something else is under way (a preview, a write): the switch waits. */
  disabled?: boolean;
}

/** One opencode setting as a checkbox that reads as a switch. */
export function OpencodeSettingSwitch({ settings, setting, testId, label, help, saved, disabled = false }: OpencodeSettingSwitchProps) {
  const id = useId();
  const view = settings.settings;
  const on = view?.[setting] ?? false;
  const onChange = () => {
    // One change at a time; the switch stays focusable meanwhile (a disabled one would drop focus).
    if (settings.saving) return;
    void settings.change({ [setting]: !on }, saved(!on));
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
      <label htmlFor={id}>{label}</label>
      <span id={`${id}-help`} className="field-help opencode-switch-help">
        {help(on)}
      </span>
    </div>
  );
}
