import { z } from 'zod';
import { resultSchema } from './errors.js';
import { KeyInputSchema } from './key-input.js';
import { ModelSchema } from './model.js';

const UrlInput = z.string().max(2048);
const NoInput = z.undefined();

export const ConnectionTestSchema = z.object({
  url: z.string(),
  models: z.array(ModelSchema),
  latencyMs: z.number().nonnegative(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

export const ModelListSchema = z.object({
  models: z.array(ModelSchema),
  fetchedAt: z.number(),
});
export type ModelList = z.infer<typeof ModelListSchema>;

export const CachedModelListSchema = z.object({
  url: z.string(),
  models: z.array(ModelSchema),
  fetchedAt: z.number(),
  /** Older than the model-list lifetime: show it, and refresh behind the scenes. */
  stale: z.boolean(),
});
export type CachedModelList = z.infer<typeof CachedModelListSchema>;

/** What the renderer may know about a saved connection: never the key itself. */
export const LiteLLMConfigViewSchema = z.object({
  url: z.string(),
  connected: z.boolean(),
  keyStored: z.boolean(),
  keyHint: z.string().nullable(),
  selectedModel: z.string().nullable(),
});
export type LiteLLMConfigView = z.infer<typeof LiteLLMConfigViewSchema>;

/**
 * The one contract between renderer and main. Each channel is declared once
 * here; Electron's IPC and the browser host both validate against it, and the
 * renderer's types come from it.
 */
export const contract = {
  'litellm:test-connection': {
    input: z.object({ url: UrlInput, key: KeyInputSchema }),
    output: resultSchema(ConnectionTestSchema),
  },
  'litellm:fetch-models': {
    input: NoInput,
    output: resultSchema(ModelListSchema),
  },
  /** The metadata of the models the last test or fetch listed; it follows the ids, never holds them up. */
  'litellm:fetch-metadata': {
    input: NoInput,
    output: resultSchema(ModelListSchema),
  },
  /** The last list fetched for the saved connection, instantly, whatever its age. */
  'litellm:get-cached-models': {
    input: NoInput,
    output: CachedModelListSchema.nullable(),
  },
  'litellm:get-config': {
    input: NoInput,
    output: LiteLLMConfigViewSchema,
  },
  'litellm:set-config': {
    input: z.object({ url: UrlInput, key: KeyInputSchema, selectedModel: z.string().min(1).max(512) }),
    output: resultSchema(LiteLLMConfigViewSchema),
  },
  'litellm:disconnect': {
    input: NoInput,
    output: resultSchema(LiteLLMConfigViewSchema),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The API object core builds: one async function per channel. */
export type SwitchboardApi = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>>;
};

/** What the renderer sees as `window.switchboard`, in Electron and in the browser host alike. */
export interface SwitchboardBridge {
  invoke<C extends Channel>(
    channel: C,
    ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]
  ): Promise<ChannelOutput<C>>;
}

export class ContractInputError extends Error {
  constructor(channel: string, detail: string) {
    super(`Invalid input for ${channel}: ${detail}`);
    this.name = 'ContractInputError';
  }
}

/** Validates a channel's input; the one check both transports run before calling the API. */
export function parseInput<C extends Channel>(channel: C, input: unknown): z.output<Contract[C]['input']> {
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) throw new ContractInputError(channel, z.prettifyError(parsed.error));
  return parsed.data as z.output<Contract[C]['input']>;
}
