import type { GenerateInput, GenerationParams, ModelCapabilities } from '@switchboard/shared';
import { parseSchemaText } from './schema-text.js';

/** The chat-completions body, and the parameters the person set that it leaves out. */
export interface ChatRequest {
  body: Record<string, unknown>;
  /** Names as the API spells them (`temperature`, `reasoning_effort`, …), in the order the form shows them. */
  leftOut: string[];
}

type RequestInput = Pick<GenerateInput, 'modelId' | 'system' | 'prompt' | 'params' | 'stream'>;

/** An OpenAI `json_schema` block: the typed text may be the whole block (name + schema) or only the schema. */
function jsonSchemaFormat(text: string): Record<string, unknown> {
  const parsed = parseSchemaText(text);
  const isBlock = typeof parsed.name === 'string' && typeof parsed.schema === 'object' && parsed.schema !== null;
  return { type: 'json_schema', json_schema: isBlock ? parsed : { name: 'response', schema: parsed } };
}

/**
 * Where the metadata lists the parameters a model takes, only those are sent
 * (o-series models refuse `temperature`); where nobody says, the ones every
 * OpenAI-compatible server takes are. Reasoning effort and structured answers
 * are never assumed: they go only where the metadata says so.
 */
function accepts(capabilities: ModelCapabilities) {
  const listed = capabilities.supportedParams;
  return {
    common: (name: string) => listed === null || listed.includes(name),
    reasoningEffort: () => (listed === null ? capabilities.supportsReasoning === true : listed.includes('reasoning_effort')),
    jsonObject: () => listed !== null && listed.includes('response_format'),
    jsonSchema: () => capabilities.supportsResponseSchema === true && (listed === null || listed.includes('response_format')),
  };
}

function optionalParams(params: GenerationParams, capabilities: ModelCapabilities): ChatRequest {
  const can = accepts(capabilities);
  const body: Record<string, unknown> = {};
  const leftOut: string[] = [];
  const offer = (name: string, value: unknown, accepted: boolean) => {
    if (accepted) body[name] = value;
    else leftOut.push(name);
  };
  if (params.temperature !== null) offer('temperature', params.temperature, can.common('temperature'));
  if (params.topP !== null) offer('top_p', params.topP, can.common('top_p'));
  if (params.maxOutputTokens !== null) offer(capabilities.maxTokensParam, params.maxOutputTokens, can.common(capabilities.maxTokensParam));
  if (params.stop.length > 0) offer('stop', params.stop, can.common('stop'));
  if (params.reasoningEffort !== null) offer('reasoning_effort', params.reasoningEffort, can.reasoningEffort());
  const format = params.responseFormat;
  if (format.type === 'json_object') offer('response_format', { type: 'json_object' }, can.jsonObject());
  // The schema is read only when it will be sent: a draft's broken schema must not block a model that ignores it.
  if (format.type === 'json_schema') {
    if (can.jsonSchema()) body.response_format = jsonSchemaFormat(format.schema);
    else leftOut.push('response_format');
  }
  return { body, leftOut };
}

/**
 * Builds the OpenAI chat-completions body for one generation. Throws
 * HttpFailure `invalid-input` when the typed response schema cannot be sent.
 */
export function buildChatRequest(input: RequestInput, capabilities: ModelCapabilities): ChatRequest {
  const messages = [...(input.system.trim() === '' ? [] : [{ role: 'system', content: input.system }]), { role: 'user', content: input.prompt }];
  const streaming: Record<string, unknown> = input.stream ? { stream: true } : {};
  // Usage in the stream is asked for wherever the server may take it; a list that omits stream_options means it would refuse.
  if (input.stream && (capabilities.supportedParams === null || capabilities.supportedParams.includes('stream_options'))) {
    streaming.stream_options = { include_usage: true };
  }
  const { body, leftOut } = optionalParams(input.params, capabilities);
  return { body: { model: input.modelId, messages, ...streaming, ...body }, leftOut };
}
