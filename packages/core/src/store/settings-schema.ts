import { AGENT_APIS, ModelLimitsSchema, PlaygroundDraftSchema, PROXY_MODES, STREAM_LIMITS } from '@switchboard/shared';
import { z } from 'zod';
import { DEFAULT_KEYCHAIN_TIMEOUT_MS } from './keychain-deadline.js';

export const DEFAULT_PUBLIC_MODEL_MAP_URL =
  'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json';

/**
 * A custom header as kept (version 5). A secret one's value is in the
 * keychain (account from `headerAccount` in network/), never here.
 */
export const HeaderSettingSchema = z.object({
  name: z.string(),
  secret: z.boolean(),
  /** A plain header's value; absent for a secret one. */
  value: z.string().optional(),
});
export type HeaderSetting = z.infer<typeof HeaderSettingSchema>;

/**
 * A platform instance's own network settings (version 5): a CA file trusted
 * for its requests only, and headers sent with each. Kept in `network.platforms`
 * beside the connection, not inside it: the first Test Connection of a
 * LiteLLM behind a private CA needs them before the connection can be saved.
 */
export const PlatformNetworkSettingsSchema = z.object({
  caFile: z.string().nullable().default(null),
  headers: z.array(HeaderSettingSchema).default([]),
});
export type PlatformNetworkSettings = z.infer<typeof PlatformNetworkSettingsSchema>;

/** One saved connection: LiteLLM, OpenRouter, or a custom endpoint. */
export const PlatformSettingsSchema = z.object({
  url: z.string(),
  selectedModel: z.string().nullable(),
  /** A custom endpoint's display name. */
  name: z.string().optional(),
  /** When the user last pressed Use This Model here: the header shows the most recent choice. */
  savedAt: z.number().optional(),
  /** Limits the user typed for models whose server does not say. */
  modelLimits: z.record(z.string(), ModelLimitsSchema).optional(),
  /** APIs besides chat completions the person confirmed a custom endpoint has (version 4; absent: none). */
  confirmedApis: z.array(z.enum(AGENT_APIS)).optional(),
  /**
   * APIs besides chat completions that answered at the last Test Connection of a custom endpoint, for the
   * URL they answered at (version 5, optional; absent: none found yet). Offered beside the confirmed ones.
   */
  detectedApis: z.object({ url: z.string(), apis: z.array(z.enum(AGENT_APIS)) }).optional(),
});
export type PlatformSettings = z.infer<typeof PlatformSettingsSchema>;

const CatalogSettingsSchema = z.object({
  /** How long a fetched model list counts as fresh before it is refreshed behind the scenes. */
  modelListLifetimeMs: z.number().int().positive().default(5 * 60 * 1000),
  publicMapUrl: z.string().default(DEFAULT_PUBLIC_MODEL_MAP_URL),
  publicMapLifetimeMs: z.number().int().positive().default(24 * 60 * 60 * 1000),
  publicMapTimeoutMs: z.number().int().positive().default(10_000),
});

const OpencodeSettingsSchema = z.object({
  /** A path chosen in Settings; null means opencode's global config. */
  configPath: z.string().nullable().default(null),
  /** null until the config has been written once; then on unless the user turns it off. */
  sync: z.boolean().nullable().default(null),
  writeKeyInFile: z.boolean().default(false),
  /** opencode's `small_model` (titles, summaries) per platform instance, when the user picked one. */
  smallModels: z.record(z.string(), z.string()).default({}),
  /** Also write models that only speak the Responses API, each with `@ai-sdk/openai` (version 2). */
  writeResponsesOnly: z.boolean().default(false),
});

/** One agent target's choices (the Agents tab): opencode keeps its own section above. */
export const AgentSettingsSchema = z.object({
  /** A path chosen in Settings; null means the agent's own default. */
  configPath: z.string().nullable().default(null),
  /** null until the config has been written once; then on unless the user turns it off. */
  sync: z.boolean().nullable().default(null),
});
export type AgentSettings = z.infer<typeof AgentSettingsSchema>;

const KeychainSettingsSchema = z.object({
  /** How long a keychain call may take before it counts as timed out; a Secret Service that never answers must not hold the panel. */
  timeoutMs: z.number().int().min(500).max(60_000).default(DEFAULT_KEYCHAIN_TIMEOUT_MS),
});

/**
 * How requests leave the machine (version 5). The default follows
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY as every tool does; the password of a
 * typed proxy URL and secret headers' values are in the keychain (network/),
 * never here.
 */
const NetworkSettingsSchema = z.object({
  proxy: z
    .object({
      mode: z.enum(PROXY_MODES).default('environment'),
      /** Without credentials. */
      url: z.string().nullable().default(null),
      username: z.string().nullable().default(null),
    })
    .prefault({}),
  /** By instance id, saved connection or not; absent: the system's CAs and no headers. */
  platforms: z.record(z.string(), PlatformNetworkSettingsSchema).default({}),
});
export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

/** A draft as kept: what the person typed for one model, and when, so the oldest go first once there are too many. */
export const KeptDraftSchema = z.object({ draft: PlaygroundDraftSchema, savedAt: z.number() });
export type KeptDraft = z.infer<typeof KeptDraftSchema>;

/**
 * The playground's memory of what the person typed. Drafts are keyed by
 * instance id, NUL, model id (playground-drafts.ts) rather than nested by
 * instance: a model named `__proto__` would be dropped as a nested key by
 * JSON tooling (zod included), never as part of a longer one. The last check
 * of each model is not here but in model-health.json (model-health-records.ts):
 * a check writes up to 500 results, and every channel reads this file.
 */
const Deadline = z.number().int().min(1_000).max(STREAM_LIMITS.maxDurationMs);

export const PlaygroundSettingsSchema = z.object({
  /** The last prompt and parameters per model; answers are never kept. */
  drafts: z.record(z.string(), KeptDraftSchema).default({}),
  /**
   * How long to wait for a model's first byte, and for the next chunk once it
   * has started. A local model that loads on first use, or a proxy retrying
   * a provider, can need longer than the defaults; a file without them (any
   * version-3 file) gets the defaults, so no migration is needed.
   */
  firstByteTimeoutMs: Deadline.default(STREAM_LIMITS.firstByteTimeoutMs),
  stallTimeoutMs: Deadline.default(STREAM_LIMITS.stallTimeoutMs),
});

/**
 * The version of the settings file's format. A change to the schema below
 * raises it and adds a migration in `migrations/` with a fixture of the older
 * file; a file without a version is version 0.
 */
export const SETTINGS_SCHEMA_VERSION = 5;
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** Everything Switchboard keeps outside the keychain. No secret ever belongs here. */
export const SettingsSchema = z.object({
  /** By instance id (`InstanceId` in the contract). */
  platforms: z.record(z.string(), PlatformSettingsSchema).default({}),
  catalog: CatalogSettingsSchema.prefault({}),
  opencode: OpencodeSettingsSchema.prefault({}),
  keychain: KeychainSettingsSchema.prefault({}),
  playground: PlaygroundSettingsSchema.prefault({}),
  /** By agent id (AGENT_IDS), version 4: each agent's config path and sync switch. */
  agents: z.record(z.string(), AgentSettingsSchema).default({}),
  /** Version 5: the outgoing proxy, and each platform's CA file and headers. */
  network: NetworkSettingsSchema.prefault({}),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export { SETTINGS_FILE_NAME } from '../settings-file-name.js';
