import type { AgentApi, AgentId, InstanceId, Model, Result } from '@switchboard/shared';

/**
 * Everything a target may write for one platform instance and its chosen
 * model, format-free. Built once from the saved connection and the catalog
 * (agents-api.ts); each target picks what its file needs. Never the key:
 * a target writes how the key is fetched (`keyVariable`, `keyCommand`).
 */
export interface AgentEntry {
  instanceId: InstanceId;
  /** The platform's display name (LiteLLM, OpenRouter, an endpoint's name). */
  platformName: string;
  /** The proxy's root as saved, without `/v1` (Claude Code's ANTHROPIC_BASE_URL). */
  rootUrl: string;
  /** The OpenAI-compatible base, `<root>/v1` for LiteLLM (`Platform.openAIBaseUrl`). */
  openAIBaseUrl: string;
  modelId: string;
  /** A smaller model for titles and summaries, where the person picked one. */
  smallModelId: string | null;
  /** The catalog's models of this instance (limits, prices, abilities), for targets that list models. */
  models: readonly Model[];
  /** The environment variable `switchboard run` fills with the key (`LITELLM_API_KEY`, …). */
  keyVariable: string;
  /** A command line that prints the key and nothing else: `switchboard key litellm`. */
  keyCommand: string;
  /** The platform's custom headers (Settings › the platform's network), for targets whose agent sends headers. */
  headers: readonly AgentHeader[];
}

/**
 * A custom header as an agent's file may carry it: a plain one with its
 * value, a secret one only as the environment variable `switchboard run`
 * fills from the keychain, like the key (the value is never written).
 */
export type AgentHeader = { name: string; secret: false; value: string } | { name: string; secret: true; variable: string };

/** Switchboard's entry as it stands in a file: which instance and model it points at. */
export interface EntryInFile {
  instanceId: InstanceId;
  modelId: string;
}

/**
 * One coding agent whose config Switchboard writes. A target knows its file
 * (and the environment variable that moves it), its format, the entry it
 * owns there, the API it calls, and how the key reaches it without being
 * written. Reading, diffing, the atomic write with the previous file kept,
 * and sync are the same for every target (agents-api.ts and the file
 * pipeline), so a target is only what differs.
 */
export interface AgentTarget {
  id: AgentId;
  displayName: string;
  /** What the agent calls on the platform. */
  needs: AgentApi;
  /** The executable looked for on PATH to say whether the agent is installed (`claude`, `codex`, `cn`, …). */
  command: string;
  /** The environment variable that moves the config (or its folder), if the agent has one. */
  envOverride: string | null;
  /** The file as the agent would read it, honouring `envOverride`; `home` is the user's home folder. */
  defaultPath(env: NodeJS.ProcessEnv, home: string): string;
  /**
   * The file's new text with Switchboard's entry set to `entry`: everything
   * else stays byte for byte (comments, key order, layout). `existing` is
   * null when the file does not exist yet. A file that cannot be parsed is a
   * `config-invalid` failure whose sentence names the line and column.
   * `filePath` is only for the sentences (the file is named in each).
   */
  applyEntry(existing: string | null, entry: AgentEntry, filePath: string): Result<string>;
  /** Switchboard's entry in the file, or null where there is none; a file that cannot be parsed is a failure as above. */
  readEntry(text: string, filePath: string): Result<EntryInFile | null>;
  /** One sentence for the Agents tab: how the key reaches the agent without being written. */
  keyRoute: string;
  /** How to start the agent with its key: `switchboard run -- claude`, or the agent's own command where it fetches the key itself. */
  runCommand: string;
}
