import { opencodeRoute, type Model } from '@switchboard/shared';
import { useId, useMemo } from 'react';

export interface OpencodeSmallModelSelectProps {
  models: readonly Model[];
  /** The small model saved for this platform, or null. */
  value: string | null;
  /** Settings › opencode writes Responses-only models too: then they may be the small model as well. */
  writeResponsesOnly: boolean;
  disabled: boolean;
  onChange(model: string | null): void;
}

/**
 * opencode's optional `small_model`, used for titles and summaries: any model
 * of the same platform that the written entry holds. A plain select, as it is picked once and rarely.
 */
export function OpencodeSmallModelSelect({ models, value, writeResponsesOnly, disabled, onChange }: OpencodeSmallModelSelectProps) {
  const id = useId();
  // The same rule main writes by, so every model offered here is one the written entry holds.
  const ids = useMemo(
    () => models.filter((model) => opencodeRoute(model, writeResponsesOnly) !== null).map((model) => model.id).sort(),
    [models, writeResponsesOnly],
  );
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
