import { isChatModel, isWildcardId, type Model } from '@switchboard/shared';
import { useId, useMemo } from 'react';

export interface OpencodeSmallModelSelectProps {
  models: readonly Model[];
  /** The small model saved for this platform, or null. */
  value: string | null;
  disabled: boolean;
  onChange(model: string | null): void;
}

/**
 * opencode's optional `small_model`, used for titles and summaries: any chat
 * model of the same platform. A plain select, as it is picked once and rarely.
 */
export function OpencodeSmallModelSelect({ models, value, disabled, onChange }: OpencodeSmallModelSelectProps) {
  const id = useId();
  const ids = useMemo(() => models.filter((model) => isChatModel(model) && !isWildcardId(model.id)).map((model) => model.id).sort(), [models]);
  // A saved choice the list no longer has stays visible, so the person sees why it is not written.
  const options = value !== null && !ids.includes(value) ? [value, ...ids] : ids;
  return (
    <div className="field opencode-small-model">
      <label htmlFor={id}>Small model for titles and summaries (optional)</label>
      <select
        id={id}
        data-testid="opencode-small-model-select"
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">None: opencode uses the chosen model</option>
        {options.map((model) => (
          <option key={model} value={model}>
            {model}
          </option>
        ))}
      </select>
    </div>
  );
}
