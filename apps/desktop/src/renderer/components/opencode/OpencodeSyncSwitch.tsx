import type { OpencodeSettingsEditor } from '../../hooks/useOpencodeSettings';
import { OpencodeSettingSwitch } from './OpencodeSettingSwitch';

interface OpencodeSyncSwitchProps {
  settings: OpencodeSettingsEditor;
  testId: string;
  /** Something else is under way (a preview, a write): the switch waits. */
  disabled?: boolean;
}

/** "Keep opencode in sync when I choose a model". */
export function OpencodeSyncSwitch({ settings, testId, disabled = false }: OpencodeSyncSwitchProps) {
  return (
    <OpencodeSettingSwitch
      settings={settings}
      setting="sync"
      testId={testId}
      disabled={disabled}
      label="Keep opencode in sync when I choose a model"
      help={(on) => (on ? 'Use This Model writes the new model into the opencode config.' : 'Use This Model shows the change first; Write config applies it.')}
      saved={(nowOn) => (nowOn ? 'Use This Model now updates the opencode config.' : 'Use This Model no longer changes the opencode config.')}
    />
  );
}
