import { z } from 'zod';

/** Everything Switchboard keeps outside the keychain. No secret ever belongs here. */
export const LiteLLMSettingsSchema = z.object({
  url: z.string(),
  selectedModel: z.string().nullable(),
});
export type LiteLLMSettings = z.infer<typeof LiteLLMSettingsSchema>;

export const SettingsSchema = z.object({
  platforms: z
    .object({
      litellm: LiteLLMSettingsSchema.optional(),
    })
    .default({}),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_FILE_NAME = 'settings';
