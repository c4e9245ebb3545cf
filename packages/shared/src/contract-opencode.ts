import { z } from 'zod';
import { resultSchema } from './errors.js';
import { InstanceIdSchema } from './instance-id-schema.js';

const NoInput = z.undefined();

const OpencodeSettingsViewSchema = z.object({
  /** The file Switchboard writes, as resolved now. */
  configPath: z.string(),
  /** The path chosen in Settings, if any (the default otherwise). */
  chosenPath: z.string().nullable(),
  /** SWITCHBOARD_OPENCODE_CONFIG is set and wins over Settings. */
  overriddenByEnv: z.boolean(),
  /** Use This Model also updates the file. */
  sync: z.boolean(),
  /** The key goes into the file in plain text (opt-in). */
  writeKeyInFile: z.boolean(),
  /** The command that runs opencode with keys from the keychain. */
  runCommand: z.string(),
  plainKeyWarning: z.string(),
  /** opencode's `small_model` by instance id, when picked. */
  smallModels: z.record(z.string(), z.string()),
  /** Models that only speak the Responses API are written too, each with `@ai-sdk/openai` (opt-in). */
  writeResponsesOnly: z.boolean(),
});
export type OpencodeSettingsView = z.infer<typeof OpencodeSettingsViewSchema>;

const OpencodePreviewSchema = z.object({
  filePath: z.string(),
  /** A unified diff, secrets masked; empty when nothing would change. */
  diff: z.string(),
  changed: z.boolean(),
  keyInPlainText: z.boolean(),
  /** Names this exact change, so a write can check it writes what the user saw. */
  fingerprint: z.string(),
  /** Ids of models left out because they only speak the Responses API and the user has not asked for those. */
  responsesOnlyLeftOut: z.array(z.string()),
});
export type OpencodePreview = z.infer<typeof OpencodePreviewSchema>;


/** Where a write went, and where the previous file is kept (null when there was none). */
const WrittenConfigSchema = z.object({ path: z.string(), backupPath: z.string().nullable() });
export type WrittenConfig = z.infer<typeof WrittenConfigSchema>;

/** Writing the chosen model into opencode's config: settings, a preview as a diff, the write. */
export const opencodeChannels = {
  'opencode:get-settings': { input: NoInput, output: OpencodeSettingsViewSchema },
  'opencode:set-settings': {
    input: z.object({
      configPath: z.string().trim().max(4096).nullable().optional(),
      sync: z.boolean().optional(),
      writeKeyInFile: z.boolean().optional(),
      writeResponsesOnly: z.boolean().optional(),
      smallModel: z.object({ instanceId: InstanceIdSchema, model: z.string().min(1).max(512).nullable() }).optional(),
    }),
    output: resultSchema(OpencodeSettingsViewSchema),
  },
  /** The change Use This Model makes to opencode's config, before anything is written. */
  'opencode:preview': {
    input: z.object({ instanceId: InstanceIdSchema, smallModel: z.string().min(1).max(512).nullable().optional() }),
    output: resultSchema(OpencodePreviewSchema),
  },
  /** Writes the change; with a fingerprint, only if it is still the change the user saw. */
  'opencode:write': {
    input: z.object({
      instanceId: InstanceIdSchema,
      smallModel: z.string().min(1).max(512).nullable().optional(),
      fingerprint: z.string().max(128).nullable(),
    }),
    output: resultSchema(WrittenConfigSchema.extend({ settings: OpencodeSettingsViewSchema })),
  },
} as const;
