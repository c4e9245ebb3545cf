import { z } from 'zod';
import { ConfigDiffSchema, WrittenConfigSchema } from './contract-opencode.js';
import { resultSchema } from './errors.js';
import { InstanceIdSchema } from './instance-id-schema.js';

/**
 * Agent targets: each coding agent whose config Switchboard writes. One
 * abstraction for all (packages/core/src/agents/agent-target.ts); opencode
 * is one of them. Only Switchboard's entry in each file changes; everything
 * else (other providers, settings, comments, key order, layout) is kept.
 */
export const AGENT_IDS = ['opencode', 'kilo', 'claude-code', 'codex', 'continue', 'qwen-code'] as const;
export type AgentId = (typeof AGENT_IDS)[number];
const AgentIdSchema = z.enum(AGENT_IDS);

/** The API an agent calls on the platform: an agent is offered a platform only where the platform has it. */
export const AGENT_APIS = ['chat-completions', 'responses', 'anthropic-messages'] as const;
export type AgentApi = (typeof AGENT_APIS)[number];
const AgentApiSchema = z.enum(AGENT_APIS);

const MAX_PATH_CHARS = 4096;

/** What the Agents tab shows for one target. */
const AgentViewSchema = z.object({
  id: AgentIdSchema,
  displayName: z.string(),
  /** The file Switchboard writes, as resolved now. */
  configPath: z.string().max(MAX_PATH_CHARS),
  /** The path chosen in Settings, if any (the agent's default otherwise). */
  chosenPath: z.string().max(MAX_PATH_CHARS).nullable(),
  /** The environment variable that moves the file (CODEX_HOME, CONTINUE_GLOBAL_DIR, SWITCHBOARD_OPENCODE_CONFIG…), and whether it is set and wins. */
  envOverride: z.object({ name: z.string(), active: z.boolean() }).nullable(),
  /** Whether the agent's command was found on PATH, and where. */
  installed: z.object({ found: z.boolean(), command: z.string(), path: z.string().max(MAX_PATH_CHARS).nullable() }),
  needs: AgentApiSchema,
  /** Switchboard's entry as the file has it now: which instance and model, or null when there is none (or the file cannot be read). */
  entry: z.object({ instanceId: InstanceIdSchema, modelId: z.string().max(512) }).nullable(),
  /** The file cannot be read or parsed: the sentence, with the position of the error. */
  fileProblem: z.string().nullable(),
  /** Use This Model also updates this agent's file (on once written, until turned off). */
  sync: z.boolean(),
  /** The command that runs the agent with its key from the keychain (`switchboard run -- …`), or how the agent fetches it itself. */
  runCommand: z.string(),
  /** One sentence: how the key reaches this agent without being written into its file. */
  keyRoute: z.string(),
});
export type AgentView = z.infer<typeof AgentViewSchema>;

const AgentPreviewSchema = z.object({
  filePath: z.string().max(MAX_PATH_CHARS),
  diff: ConfigDiffSchema,
  changed: z.boolean(),
  /** Names this exact change, so a write can check it writes what the user saw. */
  fingerprint: z.string().max(128),
});
export type AgentPreview = z.infer<typeof AgentPreviewSchema>;

const AgentTarget = { agentId: AgentIdSchema, instanceId: InstanceIdSchema };

/** The Agents tab's channels. */
export const agentChannels = {
  'agents:list': { input: z.undefined(), output: z.array(AgentViewSchema) },
  'agents:set-settings': {
    input: z.object({ agentId: AgentIdSchema, configPath: z.string().trim().max(MAX_PATH_CHARS).nullable().optional(), sync: z.boolean().optional() }),
    output: resultSchema(AgentViewSchema),
  },
  /**
   * The change writing the instance's chosen model into the agent's file
   * would make. Refused with a sentence where the platform lacks the API the
   * agent needs (or has not been confirmed to have it, for a custom endpoint).
   */
  'agents:preview': { input: z.object(AgentTarget), output: resultSchema(AgentPreviewSchema) },
  'agents:write': {
    input: z.object({ ...AgentTarget, fingerprint: z.string().max(128).nullable() }),
    output: resultSchema(WrittenConfigSchema.extend({ agent: AgentViewSchema })),
  },
  /**
   * A custom endpoint is only known to have chat completions; the person may
   * confirm (or take back) that it also has the Responses API or Anthropic
   * Messages, so that Codex or Claude Code is offered on it. Answers the
   * endpoint's confirmed APIs. LiteLLM's and OpenRouter's are known: refused.
   */
  'agents:confirm-api': {
    input: z.object({ instanceId: InstanceIdSchema, api: AgentApiSchema, confirmed: z.boolean() }),
    output: resultSchema(z.array(AgentApiSchema)),
  },
} as const;
