import type { OpencodeSettingsEditor } from '../../hooks/useOpencodeSettings';
import { OpencodeSettingSwitch } from './OpencodeSettingSwitch';

/**
 * "Also write models that only speak the Responses API": off, such models stay
 * out of opencode's config, since its OpenAI-compatible provider calls only
 * `/v1/chat/completions`; on, each is written with opencode's OpenAI SDK.
 */
export function OpencodeResponsesOnlySwitch({ settings }: { settings: OpencodeSettingsEditor }) {
  return (
    <OpencodeSettingSwitch
      settings={settings}
      setting="writeResponsesOnly"
      testId="opencode-responses-only-toggle"
      label="Also write models that only speak the Responses API"
      help={(on) =>
        on
          ? 'Each is written with @ai-sdk/openai, so opencode calls /v1/responses for it.'
          : 'opencode’s OpenAI-compatible provider calls only /v1/chat/completions, which these models do not answer, so they are left out.'
      }
      saved={(nowOn) =>
        nowOn
          ? 'Models that only speak the Responses API are written into the opencode config from the next write on.'
          : 'Models that only speak the Responses API are left out of the opencode config from the next write on.'
      }
    />
  );
}
