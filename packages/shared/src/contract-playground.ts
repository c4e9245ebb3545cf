import { z } from 'zod';
import { DiagnoseInputSchema, DiagnosisEventSchema } from './contract-network.js';
import { ProxyErrorSchema, resultSchema } from './errors.js';
import { InstanceIdSchema } from './instance-id-schema.js';
import { MAX_MODEL_ID_LENGTH, MAX_TOKEN_LIMIT } from './model-bounds.js';
import { REASONING_EFFORTS, STREAM_LIMITS } from './playground-limits.js';

// Kept in a module without zod, so the renderer's start-up code can use them without loading the schemas.
export { DEFAULT_GENERATION_PARAMS, isFinalEvent, REASONING_EFFORTS, STREAM_LIMITS } from './playground-limits.js';

/**
 * The playground and the model check: one generate capability for every
 * platform, run in the main process (the key never reaches the page).
 * Generation and the check are *stream channels*: their output is a sequence
 * of typed events, each with its own schema, declared here once and carried
 * by both transports (Electron over a MessagePort, the browser host as a
 * streamed HTTP response), both of which can cancel.
 */

const ModelIdSchema = z.string().min(1).max(MAX_MODEL_ID_LENGTH);
const Text = z.string().max(STREAM_LIMITS.maxEventChars);

/**
 * What the person sets beside the prompt. `null` means "leave it to the
 * model". Reasoning effort and the response format are sent only where the
 * model's metadata says it supports them (see {@link ModelCapabilitiesSchema}).
 */
const GenerationParamsSchema = z.object({
  temperature: z.number().min(0).max(2).nullable(),
  topP: z.number().min(0).max(1).nullable(),
  maxOutputTokens: z.number().int().positive().max(MAX_TOKEN_LIMIT).nullable(),
  stop: z.array(z.string().min(1).max(200)).max(4),
  reasoningEffort: z.enum(REASONING_EFFORTS).nullable(),
  responseFormat: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text') }),
    z.object({ type: z.literal('json_object') }),
    /** `schema` is the JSON text as typed: core refuses it with a sentence if it is not a JSON object. */
    z.object({ type: z.literal('json_schema'), schema: z.string().min(1).max(100_000) }),
  ]),
});
export type GenerationParams = z.infer<typeof GenerationParamsSchema>;


/** What the person typed for one model: kept per model across restarts (answers are not). */
export const PlaygroundDraftSchema = z.object({
  system: z.string().max(100_000),
  prompt: z.string().max(100_000),
  params: GenerationParamsSchema,
  /** false: one plain request, for endpoints that do not stream well. */
  stream: z.boolean(),
});
export type PlaygroundDraft = z.infer<typeof PlaygroundDraftSchema>;

const ModelTarget = { instanceId: InstanceIdSchema, modelId: ModelIdSchema };

const GenerateInputSchema = z.object({
  ...ModelTarget,
  system: z.string().max(100_000),
  prompt: z.string().trim().min(1, 'Type a prompt first.').max(100_000),
  params: GenerationParamsSchema,
  stream: z.boolean(),
});
export type GenerateInput = z.infer<typeof GenerateInputSchema>;

/**
 * What the model's metadata says it takes, from the proxy
 * (`supported_openai_params`, `supports_response_schema`,
 * `supports_reasoning`) or the public map; never guessed from its name.
 * `null` is "nobody says": the control stays hidden.
 */
export const ModelCapabilitiesSchema = z.object({
  supportedParams: z.array(z.string().max(100)).max(200).nullable(),
  supportsResponseSchema: z.boolean().nullable(),
  supportsReasoning: z.boolean().nullable(),
  /** Which name the output limit is sent under. */
  maxTokensParam: z.enum(['max_completion_tokens', 'max_tokens']),
});
export type ModelCapabilities = z.infer<typeof ModelCapabilitiesSchema>;

const Tokens = z.number().int().nonnegative().max(1e12);

/** The events of `playground:generate`, in order: start, then deltas/reasoning, then usage, then done or error. */
export const GenerateEventSchema = z.discriminatedUnion('type', [
  /** The request is on its way: where to, and the same request as a `curl` command with the key redacted. */
  z.object({
    type: z.literal('start'),
    url: z.string().max(4096),
    curl: z.string().max(300_000),
    /** Parameters the person set that were not sent, because the model's metadata does not list them (e.g. `temperature` for o3): the UI says so. */
    leftOut: z.array(z.string().max(100)).max(20),
  }),
  z.object({ type: z.literal('delta'), text: Text }),
  /** Reasoning text, where a model streams it (`reasoning_content` / `reasoning`): shown apart, collapsed. */
  z.object({ type: z.literal('reasoning'), text: Text }),
  z.object({
    type: z.literal('usage'),
    promptTokens: Tokens.nullable(),
    completionTokens: Tokens.nullable(),
    totalTokens: Tokens.nullable(),
    reasoningTokens: Tokens.nullable(),
  }),
  z.object({
    type: z.literal('done'),
    /** `complete`: `[DONE]` (or a whole plain answer); `cut-off`: the stream ended without `[DONE]`; `stopped`: the person pressed Stop. */
    ending: z.enum(['complete', 'cut-off', 'stopped']),
    finishReason: z.string().max(100).nullable(),
    /** The model the proxy says answered (the response's `model`). */
    answeredBy: z.string().max(MAX_MODEL_ID_LENGTH).nullable(),
    /** From request start; null when no token came. */
    firstTokenMs: z.number().nonnegative().nullable(),
    totalMs: z.number().nonnegative(),
    /** LiteLLM's `x-litellm-call-id` and `x-litellm-response-cost`; null elsewhere. */
    callId: z.string().max(200).nullable(),
    responseCost: z.number().nonnegative().nullable(),
  }),
  /** The end, failed: a sentence; what streamed before it stays on screen. */
  z.object({ type: z.literal('error'), error: ProxyErrorSchema, totalMs: z.number().nonnegative() }),
]);
export type GenerateEvent = z.infer<typeof GenerateEventSchema>;

const HEALTH_STATES = ['ok', 'error', 'timeout'] as const;

/** One model's answer to a minimal request (one output token), kept with its time. */
export const ModelHealthSchema = z.object({
  state: z.enum(HEALTH_STATES),
  latencyMs: z.number().nonnegative(),
  checkedAt: z.number(),
  /** For an error or a timeout: the sentence. */
  message: z.string().max(STREAM_LIMITS.maxEventChars).nullable(),
});
export type ModelHealth = z.infer<typeof ModelHealthSchema>;

/** The events of `models:check`: one `health` per model as it finishes, then `done` (or `error` if the check could not start). */
const CheckEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('health'), modelId: ModelIdSchema, health: ModelHealthSchema }),
  z.object({ type: z.literal('done'), checked: z.number().int().nonnegative(), failed: z.number().int().nonnegative() }),
  z.object({ type: z.literal('error'), error: ProxyErrorSchema, totalMs: z.number().nonnegative() }),
]);
export type CheckEvent = z.infer<typeof CheckEventSchema>;

const ModelHealthMapSchema = z.record(z.string(), ModelHealthSchema);
export type ModelHealthMap = z.infer<typeof ModelHealthMapSchema>;

/** Request/answer channels of the playground and the check (merged into `contract`). */
export const playgroundChannels = {
  'playground:get-capabilities': { input: z.object(ModelTarget), output: resultSchema(ModelCapabilitiesSchema) },
  /** The draft last kept for this model, or null. */
  'playground:get-draft': { input: z.object(ModelTarget), output: PlaygroundDraftSchema.nullable() },
  'playground:save-draft': { input: z.object({ ...ModelTarget, draft: PlaygroundDraftSchema }), output: resultSchema(z.null()) },
  /** The last check of each model of an instance, by model id. */
  'models:get-health': { input: z.object({ instanceId: InstanceIdSchema }), output: ModelHealthMapSchema },
} as const;

/**
 * The stream channels: an input schema and an event schema each. A stream
 * ends with its `done` or `error` event, or when the caller cancels.
 */
export const streamContract = {
  'playground:generate': { input: GenerateInputSchema, event: GenerateEventSchema },
  'models:check': {
    input: z.object({ instanceId: InstanceIdSchema, modelIds: z.array(ModelIdSchema).min(1).max(STREAM_LIMITS.maxModelsPerCheck) }),
    event: CheckEventSchema,
  },
  /** Test Connection, step by step (contract-network.ts): no tokens spent. */
  'connection:diagnose': { input: DiagnoseInputSchema, event: DiagnosisEventSchema },
} as const;

export type StreamContract = typeof streamContract;
export type StreamChannel = keyof StreamContract;
export type StreamInput<C extends StreamChannel> = z.input<StreamContract[C]['input']>;
export type StreamEvent<C extends StreamChannel> = z.output<StreamContract[C]['event']>;

export const streamChannels = Object.keys(streamContract) as StreamChannel[];

export function isStreamChannel(value: unknown): value is StreamChannel {
  return typeof value === 'string' && Object.hasOwn(streamContract, value);
}


/**
 * What core builds beside the API object: one function per stream channel,
 * handed the validated input and a signal that aborts everything (the
 * upstream request included) when the caller cancels or goes away.
 */
export type SwitchboardStreams = {
  [C in StreamChannel]: (input: z.output<StreamContract[C]['input']>, signal: AbortSignal) => AsyncIterable<StreamEvent<C>>;
};

/** What `window.switchboard.stream` hands back: cancel once; safe to call after the end. */
export interface StreamHandle {
  cancel(): void;
}

/**
 * The bridge's streaming half. `onEvent` receives each event as sent
 * (unchecked: the renderer checks it against {@link streamContract});
 * `onEnd` is called exactly once, after the final event, on cancel, or with
 * a sentence when the transport itself failed.
 */
export interface SwitchboardStreamBridge {
  stream<C extends StreamChannel>(
    channel: C,
    input: StreamInput<C>,
    onEvent: (event: unknown) => void,
    onEnd: (transportError: string | null) => void,
  ): StreamHandle;
}
