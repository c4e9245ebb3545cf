import { fail, type InstanceId, type ModelCapabilities, type playgroundChannels, type Result } from '@switchboard/shared';
import type { z } from 'zod';
import type { ModelHealthRecords } from '../store/model-health-records.js';
import type { PlaygroundDrafts } from '../store/playground-drafts.js';

type Channels = typeof playgroundChannels;
/** The playground's request/answer channels, typed from their contract entries. */
export type PlaygroundApi = {
  [C in keyof Channels]: (input: z.output<Channels[C]['input']>) => Promise<z.output<Channels[C]['output']>>;
};

/** What the model's metadata says it takes; a sentence when the instance is not connected. */
export type CapabilitiesOf = (instanceId: InstanceId, modelId: string) => Promise<Result<ModelCapabilities>>;

/**
 * The playground's channels that answer at once: its drafts (what the person
 * typed, per model, across restarts), the last check of each model, and what
 * a model takes, so the form offers only the controls that apply.
 */
interface PlaygroundParts {
  drafts: PlaygroundDrafts;
  health: ModelHealthRecords;
  /** The URL an instance is saved with, or null when it is not connected: checks of another URL do not count. */
  savedUrl(instanceId: InstanceId): string | null;
  capabilitiesOf: CapabilitiesOf;
  now: () => number;
}

export function createPlaygroundApi({ drafts, health, savedUrl, capabilitiesOf, now }: PlaygroundParts): PlaygroundApi {
  return {
    'playground:get-draft': async ({ instanceId, modelId }) => drafts.read(instanceId, modelId),
    'playground:save-draft': async ({ instanceId, modelId, draft }) => {
      try {
        drafts.keep(instanceId, modelId, draft, now());
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === undefined) throw error;
        // The form still holds the text: the person loses nothing now, only the copy for the next start.
        return fail('config-write', `Switchboard could not keep this draft in its settings file (${code}), so it will not be there after a restart. Check that the settings folder is writable.`);
      }
      return { ok: true, value: null };
    },
    'models:get-health': async ({ instanceId }) => {
      const url = savedUrl(instanceId);
      return url === null ? {} : health.read(instanceId, url);
    },
    'playground:get-capabilities': ({ instanceId, modelId }) => capabilitiesOf(instanceId, modelId),
  };
}
