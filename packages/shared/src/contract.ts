import { z } from 'zod';
import { ProxyErrorSchema, resultSchema } from './errors.js';
import { KeyInputSchema } from './key-input.js';
import { ModelSchema } from './model.js';
import { MAX_MODEL_ID_LENGTH, MAX_TOKEN_LIMIT } from './model-bounds.js';
import { agentChannels } from './contract-agents.js';
import { appChannels } from './contract-app.js';
import { opencodeChannels } from './contract-opencode.js';
import { ConnectionTestSchema, ModelIdsSchema } from './connection-test.js';
import { networkChannels } from './contract-network.js';
import { EndpointIdSchema } from './instance-id-schema.js';
import { MAX_METADATA_IDS, type PlatformVerb } from './platform-verbs.js';
import { playgroundChannels, streamContract, type StreamChannel, type StreamContract, type SwitchboardStreamBridge } from './contract-playground.js';

const UrlInput = z.string().max(2048);
const NoInput = z.undefined();

const MetadataIdsSchema = z.array(z.string().min(1).max(MAX_MODEL_ID_LENGTH)).min(1).max(MAX_METADATA_IDS);

const ModelListSchema = z.object({
  models: z.array(ModelSchema),
  fetchedAt: z.number(),
});

const ModelIdListSchema = z.object({
  modelIds: ModelIdsSchema,
  fetchedAt: z.number(),
  /** As in {@link ConnectionTestSchema}. */
  accessNote: z.string().optional(),
});
export type ModelIdList = z.infer<typeof ModelIdListSchema>;

const CachedModelListSchema = z.object({
  url: z.string(),
  models: z.array(ModelSchema),
  fetchedAt: z.number(),
  /** Older than the model-list lifetime: show it, and refresh behind the scenes. */
  stale: z.boolean(),
  /** The note about the key's access that came with the list, if any: shown again with it. */
  accessNote: z.string().optional(),
});
export type CachedModelList = z.infer<typeof CachedModelListSchema>;

/** What the renderer may know about a saved connection: never the key itself. */
const PlatformConfigViewSchema = z.object({
  url: z.string(),
  connected: z.boolean(),
  keyStored: z.boolean(),
  keyHint: z.string().nullable(),
  selectedModel: z.string().nullable(),
  /** When this choice was saved; null when nothing is. */
  savedAt: z.number().nullable(),
  /**
   * Set when the keychain could not be read (locked, denied, not available,
   * timed out): whether a key is stored is then unknown, not "no key".
   */
  keychainError: ProxyErrorSchema.optional(),
});
export type PlatformConfigView = z.infer<typeof PlatformConfigViewSchema>;

/** A user-typed limit for a model whose server does not say. */
export const ModelLimitsSchema = z.object({
  contextLength: z.number().int().positive().max(MAX_TOKEN_LIMIT).nullable(),
  maxOutputTokens: z.number().int().positive().max(MAX_TOKEN_LIMIT).nullable(),
});
export type ModelLimits = z.infer<typeof ModelLimitsSchema>;

const CustomEndpointViewSchema = PlatformConfigViewSchema.extend({
  id: EndpointIdSchema,
  name: z.string(),
  modelLimits: z.record(z.string(), ModelLimitsSchema),
});
export type CustomEndpointView = z.infer<typeof CustomEndpointViewSchema>;

/**
 * The channels every platform answers: the schemas of each verb in
 * {@link PLATFORM_VERBS}, no more, no fewer. `url` is optional because some
 * platforms (OpenRouter) have a fixed address.
 */
function platformVerbs<Target extends z.ZodRawShape, Plain extends z.ZodType>(target: Target, noInput: Plain) {
  const targeted = <Shape extends z.ZodRawShape>(shape: Shape) => z.object({ ...target, ...shape });
  return {
    'test-connection': {
      input: targeted({ url: UrlInput.optional(), key: KeyInputSchema }),
      output: resultSchema(ConnectionTestSchema),
    },
    'fetch-models': { input: noInput, output: resultSchema(ModelIdListSchema) },
    /** The metadata of the models the last test or fetch listed; it follows the ids, never holds them up. */
    'fetch-metadata': { input: noInput, output: resultSchema(ModelListSchema) },
    /**
     * The metadata of a few of those models (the rows on screen), asked first so they are shown within
     * moments of the ids; `fetch-metadata` brings the rest behind them. Ids the listing does not hold are left out.
     */
    'fetch-metadata-of': { input: targeted({ ids: MetadataIdsSchema }), output: resultSchema(ModelListSchema) },
    /** The last list fetched for the saved connection, instantly, whatever its age. */
    'get-cached-models': { input: noInput, output: CachedModelListSchema.nullable() },
    'get-config': { input: noInput, output: PlatformConfigViewSchema },
    'set-config': {
      input: targeted({ url: UrlInput.optional(), key: KeyInputSchema, selectedModel: z.string().min(1).max(512) }),
      output: resultSchema(PlatformConfigViewSchema),
    },
    disconnect: { input: noInput, output: resultSchema(PlatformConfigViewSchema) },
  } as const satisfies Record<PlatformVerb, { input: z.ZodType; output: z.ZodType }>;
}

type BuiltInVerbs = ReturnType<typeof platformVerbs<Record<never, never>, typeof NoInput>>;

/** A verb's input as a built-in platform's channel takes it (no endpoint to name), after validation. */
export type VerbInput<V extends PlatformVerb> = z.output<BuiltInVerbs[V]['input']>;
/** The same, as a caller hands it in. */
export type VerbCallInput<V extends PlatformVerb> = z.input<BuiltInVerbs[V]['input']>;
/** A verb's answer, the same on every platform. */
export type VerbOutput<V extends PlatformVerb> = z.output<BuiltInVerbs[V]['output']>;

type Prefixed<P extends string, Verbs> = { [V in keyof Verbs as `${P}:${V & string}`]: Verbs[V] };

function prefixed<const P extends string, Verbs extends object>(prefix: P, verbs: Verbs): Prefixed<P, Verbs> {
  return Object.fromEntries(Object.entries(verbs).map(([verb, entry]) => [`${prefix}:${verb}`, entry])) as Prefixed<P, Verbs>;
}

const endpointTarget = { endpointId: EndpointIdSchema };
const customVerbs = {
  ...platformVerbs(endpointTarget, z.object(endpointTarget)),
  // A new endpoint has no id yet: testing it needs only a URL and a key.
  'test-connection': {
    input: z.object({ endpointId: EndpointIdSchema.optional(), url: UrlInput, key: KeyInputSchema }),
    output: resultSchema(ConnectionTestSchema),
  },
  'list-endpoints': { input: NoInput, output: z.array(CustomEndpointViewSchema) },
  'save-endpoint': {
    input: z.object({
      endpointId: EndpointIdSchema.optional(),
      name: z.string().trim().min(1).max(80),
      url: UrlInput,
      key: KeyInputSchema,
      selectedModel: z.string().min(1).max(512).nullable(),
    }),
    output: resultSchema(CustomEndpointViewSchema),
  },
  'set-model-limits': {
    input: z.object({
      endpointId: EndpointIdSchema,
      // Limits are kept by model id in the settings file, and JSON tooling (zod included) drops a "__proto__" key there.
      modelId: z
        .string()
        .min(1)
        .max(512)
        .refine((id) => id !== '__proto__', 'Switchboard cannot keep limits for a model named "__proto__"; the model itself can still be used.'),
      limits: ModelLimitsSchema,
    }),
    output: resultSchema(CustomEndpointViewSchema),
  },
} as const;

/**
 * The one contract between renderer and main. Each channel is declared once
 * here; Electron's IPC and the browser host both validate against it, and the
 * renderer's types come from it.
 */
export const contract = {
  ...prefixed('litellm', platformVerbs({}, NoInput)),
  ...prefixed('openrouter', platformVerbs({}, NoInput)),
  ...prefixed('custom', customVerbs),
  ...opencodeChannels,
  ...agentChannels,
  ...appChannels,
  ...playgroundChannels,
  ...networkChannels,
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
export interface SwitchboardBridge extends SwitchboardStreamBridge {
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

const MAX_ISSUES_SHOWN = 3;
const MAX_MESSAGE_CHARS = 160;
const MAX_SEGMENT_CHARS = 40;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A typed key, which a refusal must never repeat however the input went wrong. */
function typedKey(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const key: unknown = (input as { key?: unknown }).key;
  if (typeof key !== 'object' || key === null) return null;
  const value: unknown = (key as { value?: unknown }).value;
  return typeof value === 'string' ? value : null;
}

/**
 * The refusal's detail: the first few issues, each its message and where it
 * is, cut to a bounded length. Built from zod's messages and paths, never
 * from the values, so a huge input is not echoed back; a typed key is masked
 * even if a message or a path segment carried it.
 */
function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const where = issue.path.map((segment) => cut(String(segment), MAX_SEGMENT_CHARS)).join('.');
    const message = cut(issue.message, MAX_MESSAGE_CHARS);
    return where === '' ? message : `${message} (at ${where})`;
  });
  const more = issues.length > MAX_ISSUES_SHOWN ? `; and ${issues.length - MAX_ISSUES_SHOWN} more` : '';
  const detail = shown.join('; ') + more;
  const key = typedKey(input);
  return key === null || key.trim().length < 4 ? detail : detail.split(key).join('•••').split(key.trim()).join('•••');
}

/** Validates a stream channel's input, with the same refusal as {@link parseInput}. */
export function parseStreamInput<C extends StreamChannel>(channel: C, input: unknown): z.output<StreamContract[C]['input']> {
  const parsed = (streamContract[channel].input as z.ZodType).safeParse(input);
  if (!parsed.success) throw new ContractInputError(channel, describeIssues(parsed.error.issues, input));
  return parsed.data as z.output<StreamContract[C]['input']>;
}

/** Validates a channel's input; the one check both transports run before calling the API. */
export function parseInput<C extends Channel>(channel: C, input: unknown): z.output<Contract[C]['input']> {
  const parsed = (contract[channel].input as z.ZodType).safeParse(input);
  if (!parsed.success) throw new ContractInputError(channel, describeIssues(parsed.error.issues, input));
  return parsed.data as z.output<Contract[C]['input']>;
}
