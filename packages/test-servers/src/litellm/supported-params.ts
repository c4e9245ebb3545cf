import type { PublicModelEntry } from '../fixtures.js';

// supported_openai_params comes from LiteLLM's provider config classes, not from the public map.
// The openai and anthropic lists are copied from the recording; the rest are close approximations.

const OPENAI_CHAT = [
  'frequency_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'max_tokens', 'max_completion_tokens',
  'modalities', 'prediction', 'n', 'presence_penalty', 'seed', 'stop', 'stream', 'stream_options',
  'temperature', 'top_p', 'tools', 'tool_choice', 'function_call', 'functions', 'max_retries',
  'extra_headers', 'parallel_tool_calls', 'audio', 'web_search_options', 'service_tier',
  'safety_identifier', 'prompt_cache_key', 'response_format',
];

// Reasoning models (o-series, gpt-5) reject sampling knobs and add reasoning_effort.
const OPENAI_REASONING = [
  'max_tokens', 'max_completion_tokens', 'n', 'seed', 'stop', 'stream', 'stream_options', 'tools',
  'tool_choice', 'function_call', 'functions', 'max_retries', 'extra_headers', 'parallel_tool_calls',
  'web_search_options', 'service_tier', 'safety_identifier', 'prompt_cache_key', 'response_format',
  'reasoning_effort',
];

const ANTHROPIC = [
  'stream', 'stop', 'temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'tools', 'tool_choice',
  'extra_headers', 'parallel_tool_calls', 'response_format', 'user', 'web_search_options', 'speed',
];

const GENERIC = [
  'frequency_penalty', 'max_tokens', 'max_completion_tokens', 'presence_penalty', 'response_format', 'seed',
  'stop', 'stream', 'stream_options', 'temperature', 'top_p', 'tools', 'tool_choice', 'user',
];

function paramsOf(provider: string, entry: PublicModelEntry | undefined): string[] {
  const reasoning = entry?.['supports_reasoning'] === true;
  if (provider === 'openai' || provider === 'azure') return reasoning ? OPENAI_REASONING : OPENAI_CHAT;
  if (provider === 'anthropic') return reasoning ? [...ANTHROPIC, 'thinking', 'reasoning_effort'] : ANTHROPIC;
  return reasoning ? [...GENERIC, 'reasoning_effort'] : GENERIC;
}

/** `missing`: parameters the answering release does not know yet (1.81.0 lacks prompt_cache_key and speed). */
export function supportedOpenAIParams(
  provider: string,
  entry: PublicModelEntry | undefined,
  missing: ReadonlySet<string> = new Set(),
): string[] {
  return paramsOf(provider, entry).filter((param) => !missing.has(param));
}
