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

/*
 * Bounds a real change stays far inside: the file read is capped at 5 MiB,
 * and Switchboard's entry adds one line per model. A line may be the whole
 * file (a config written on one line).
 */
const MAX_DIFF_LINE_CHARS = 16 * 1024 * 1024;
const MAX_DIFF_LINES = 2_000_000;
const MAX_DIFF_HUNKS = 1_000_000;
const MAX_FILE_NAME_CHARS = 4096;

const DiffLineSchema = z.object({
  /** `note` is `\ No newline at end of file`, about the line before it. */
  kind: z.enum(['added', 'removed', 'context', 'note']),
  /** The line without its marker and line end. */
  text: z.string().max(MAX_DIFF_LINE_CHARS),
});

/** One hunk as a unified diff's header says it: with no lines on a side, that side's start is the line before. */
const DiffHunkSchema = z.object({
  oldStart: z.number().int().nonnegative(),
  oldLines: z.number().int().nonnegative(),
  newStart: z.number().int().nonnegative(),
  newLines: z.number().int().nonnegative(),
  lines: z.array(DiffLineSchema).max(MAX_DIFF_LINES),
});

/** The change to the config as data, secrets masked: the file names once, then the hunks (none when nothing would change). */
export const ConfigDiffSchema = z.object({
  /** `/dev/null` when the file does not exist yet. */
  oldFileName: z.string().max(MAX_FILE_NAME_CHARS),
  newFileName: z.string().max(MAX_FILE_NAME_CHARS),
  hunks: z.array(DiffHunkSchema).max(MAX_DIFF_HUNKS),
});

const OpencodePreviewSchema = z.object({
  filePath: z.string(),
  diff: ConfigDiffSchema,
  changed: z.boolean(),
  keyInPlainText: z.boolean(),
  /** Names this exact change, so a write can check it writes what the user saw. */
  fingerprint: z.string(),
  /** Ids of models left out because they only speak the Responses API and the user has not asked for those. */
  responsesOnlyLeftOut: z.array(z.string()),
});
export type OpencodePreview = z.infer<typeof OpencodePreviewSchema>;


/** Where a write went, and where the previous file is kept (null when there was none). */
export const WrittenConfigSchema = z.object({ path: z.string(), backupPath: z.string().nullable() });
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
