import { useId } from 'react';
import type { OpencodeSettings } from '../../hooks/useOpencodeSettings';

interface OpencodeResponsesOnlySwitchProps {
  settings: OpencodeSettings;
}

/**
 * "Also write models that only speak the Responses API": off, such models stay
 * out of opencode's config, since its OpenAI-compatible provider calls only
 * `/v1/chat/completions`; on, each is written with opencode's OpenAI SDK.
 */
export function OpencodeResponsesOnlySwitch({ settings }: OpencodeResponsesOnlySwitchProps) {
  const id = useId();
  const view = settings.settings;
  const on = view?.writeResponsesOnly ?? false;
  const onChange = () => {
    // One change at a time; the switch stays focusable meanwhile (a disabled one would drop focus).
    if (settings.saving) return;
    void settings.change(
      { writeResponsesOnly: !on },
      on
        ? 'Models that only speak the Responses API are left out of the opencode config from the next write on.'
        : 'Models that only speak the Responses API are written into the opencode config from the next write on.',
    );
  };

  return (
    <div className="opencode-switch-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="opencode-switch"
        data-testid="opencode-responses-only-toggle"
        checked={on}
        aria-checked={on}
        aria-describedby={`${id}-help`}
        disabled={!view}
        onChange={onChange}
      />
      <label htmlFor={id}>Also write models that only speak the Responses API</label>
      <span id={`${id}-help`} className="field-help opencode-switch-help">
        {on
          ? 'Each is written with @ai-sdk/openai, so opencode calls /v1/responses for it.'
          : 'opencode’s OpenAI-compatible provider calls only /v1/chat/completions, which these models do not answer, so they are left out.'}
      </span>
    </div>
  );
}
