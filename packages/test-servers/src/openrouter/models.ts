/** One element of OpenRouter's GET /api/v1/models `data`. Prices are USD per token, as strings. */
export interface OpenRouterModel {
  id: string;
  canonical_slug: string;
  hugging_face_id: string | null;
  name: string;
  created: number;
  description: string;
  context_length: number;
  architecture: {
    modality: string;
    input_modalities: string[];
    output_modalities: string[];
    tokenizer: string;
    instruct_type: string | null;
  };
  pricing: {
    prompt: string;
    completion: string;
    request: string;
    image: string;
    web_search?: string;
    internal_reasoning?: string;
    input_cache_read?: string;
    input_cache_write?: string;
  };
  top_provider: { context_length: number | null; max_completion_tokens: number | null; is_moderated: boolean };
  per_request_limits: null | Record<string, string>;
  supported_parameters: string[];
  default_parameters?: { temperature: number | null; top_p: number | null; frequency_penalty: number | null } | null;
}

const SAMPLING = ['max_tokens', 'temperature', 'top_p', 'stop', 'frequency_penalty', 'presence_penalty', 'seed'];
const TOOLS = ['tools', 'tool_choice'];
const REASONING = ['reasoning', 'include_reasoning'];
const STRUCTURED = ['response_format', 'structured_outputs'];

interface Spec {
  id: string;
  slug?: string;
  hf?: string;
  name: string;
  created: number;
  context: number;
  maxOut: number | null;
  inputs: string[];
  tokenizer: string;
  instruct?: string;
  prompt: string;
  completion: string;
  params: string[];
  moderated?: boolean;
  cacheRead?: string;
}

function model(spec: Spec): OpenRouterModel {
  const inputs = spec.inputs;
  return {
    id: spec.id,
    canonical_slug: spec.slug ?? spec.id,
    hugging_face_id: spec.hf ?? '',
    name: spec.name,
    created: spec.created,
    description: `${spec.name.split(': ')[1] ?? spec.name} — a test double of the OpenRouter listing.`,
    context_length: spec.context,
    architecture: {
      modality: `${inputs.filter((m) => m === 'text' || m === 'image').join('+')}->text`,
      input_modalities: inputs,
      output_modalities: ['text'],
      tokenizer: spec.tokenizer,
      instruct_type: spec.instruct ?? null,
    },
    pricing: {
      prompt: spec.prompt,
      completion: spec.completion,
      request: '0',
      image: '0',
      web_search: '0',
      internal_reasoning: '0',
      ...(spec.cacheRead !== undefined ? { input_cache_read: spec.cacheRead } : {}),
    },
    top_provider: { context_length: spec.context, max_completion_tokens: spec.maxOut, is_moderated: spec.moderated ?? false },
    per_request_limits: null,
    supported_parameters: spec.params,
    default_parameters: { temperature: null, top_p: null, frequency_penalty: null },
  };
}

/** Twelve realistic models: vision and text-only, with and without tools/reasoning, one free. */
export function defaultOpenRouterModels(): OpenRouterModel[] {
  return [
    model({ id: 'openai/gpt-4o', name: 'OpenAI: GPT-4o', created: 1715558400, context: 128000, maxOut: 16384, inputs: ['text', 'image', 'file'], tokenizer: 'GPT', prompt: '0.0000025', completion: '0.00001', cacheRead: '0.00000125', params: [...TOOLS, ...SAMPLING, 'logit_bias', 'logprobs', 'top_logprobs', ...STRUCTURED, 'web_search_options'], moderated: true }),
    model({ id: 'openai/gpt-4o-mini', name: 'OpenAI: GPT-4o-mini', created: 1721260800, context: 128000, maxOut: 16384, inputs: ['text', 'image', 'file'], tokenizer: 'GPT', prompt: '0.00000015', completion: '0.0000006', cacheRead: '0.000000075', params: [...TOOLS, ...SAMPLING, 'logit_bias', 'logprobs', ...STRUCTURED], moderated: true }),
    model({ id: 'openai/o3-mini', slug: 'openai/o3-mini-2025-01-31', name: 'OpenAI: o3 Mini', created: 1738351721, context: 200000, maxOut: 100000, inputs: ['text', 'file'], tokenizer: 'GPT', prompt: '0.0000011', completion: '0.0000044', cacheRead: '0.00000055', params: [...TOOLS, 'max_tokens', 'seed', ...REASONING, ...STRUCTURED], moderated: true }),
    model({ id: 'anthropic/claude-3.5-sonnet', slug: 'anthropic/claude-3.5-sonnet', name: 'Anthropic: Claude 3.5 Sonnet', created: 1729555200, context: 200000, maxOut: 8192, inputs: ['text', 'image', 'file'], tokenizer: 'Claude', prompt: '0.000003', completion: '0.000015', cacheRead: '0.0000003', params: [...TOOLS, 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop'], moderated: true }),
    model({ id: 'anthropic/claude-sonnet-4', slug: 'anthropic/claude-4-sonnet-20250522', name: 'Anthropic: Claude Sonnet 4', created: 1747930371, context: 200000, maxOut: 64000, inputs: ['image', 'text', 'file'], tokenizer: 'Claude', prompt: '0.000003', completion: '0.000015', cacheRead: '0.0000003', params: [...TOOLS, 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', ...REASONING], moderated: true }),
    model({ id: 'google/gemini-2.5-pro', name: 'Google: Gemini 2.5 Pro', created: 1750169544, context: 1048576, maxOut: 65536, inputs: ['file', 'image', 'text', 'audio'], tokenizer: 'Gemini', prompt: '0.00000125', completion: '0.00001', cacheRead: '0.00000031', params: [...TOOLS, ...SAMPLING, ...REASONING, ...STRUCTURED] }),
    model({ id: 'google/gemini-2.0-flash-001', name: 'Google: Gemini 2.0 Flash', created: 1738769413, context: 1048576, maxOut: 8192, inputs: ['text', 'image', 'file', 'audio'], tokenizer: 'Gemini', prompt: '0.0000001', completion: '0.0000004', cacheRead: '0.000000025', params: [...TOOLS, ...SAMPLING, ...STRUCTURED] }),
    model({ id: 'meta-llama/llama-3.3-70b-instruct', hf: 'meta-llama/Llama-3.3-70B-Instruct', name: 'Meta: Llama 3.3 70B Instruct', created: 1733506137, context: 131072, maxOut: 16384, inputs: ['text'], tokenizer: 'Llama3', instruct: 'llama3', prompt: '0.00000013', completion: '0.0000004', params: [...TOOLS, ...SAMPLING, 'top_k', 'repetition_penalty', 'min_p', 'response_format'] }),
    model({ id: 'meta-llama/llama-3.2-3b-instruct:free', slug: 'meta-llama/llama-3.2-3b-instruct', hf: 'meta-llama/Llama-3.2-3B-Instruct', name: 'Meta: Llama 3.2 3B Instruct (free)', created: 1727222400, context: 131072, maxOut: null, inputs: ['text'], tokenizer: 'Llama3', instruct: 'llama3', prompt: '0', completion: '0', params: [...SAMPLING, 'top_k', 'repetition_penalty'] }),
    model({ id: 'mistralai/mistral-large-2411', hf: 'mistralai/Mistral-Large-Instruct-2411', name: 'Mistral: Mistral Large 2411', created: 1731978415, context: 131072, maxOut: null, inputs: ['text'], tokenizer: 'Mistral', prompt: '0.000002', completion: '0.000006', params: [...TOOLS, ...SAMPLING, ...STRUCTURED] }),
    model({ id: 'mistralai/mistral-7b-instruct', hf: 'mistralai/Mistral-7B-Instruct-v0.3', name: 'Mistral: Mistral 7B Instruct', created: 1716768000, context: 32768, maxOut: 16384, inputs: ['text'], tokenizer: 'Mistral', instruct: 'mistral', prompt: '0.000000028', completion: '0.000000054', params: [...SAMPLING, 'top_k', 'repetition_penalty'] }),
    model({ id: 'deepseek/deepseek-r1', slug: 'deepseek/deepseek-r1', hf: 'deepseek-ai/DeepSeek-R1', name: 'DeepSeek: R1', created: 1737381095, context: 163840, maxOut: 163840, inputs: ['text'], tokenizer: 'DeepSeek', instruct: 'deepseek-r1', prompt: '0.0000004', completion: '0.000002', params: [...SAMPLING, ...REASONING, 'top_k', 'repetition_penalty'] }),
    model({ id: 'deepseek/deepseek-chat-v3-0324', hf: 'deepseek-ai/DeepSeek-V3-0324', name: 'DeepSeek: DeepSeek V3 0324', created: 1742824755, context: 163840, maxOut: 163840, inputs: ['text'], tokenizer: 'DeepSeek', prompt: '0.00000028', completion: '0.00000088', params: [...TOOLS, ...SAMPLING, 'top_k', ...STRUCTURED] }),
  ];
}

/** Deterministic listings for benchmarks: the defaults re-issued under numbered ids across ten vendors. */
export function generateOpenRouterModels(count: number): OpenRouterModel[] {
  const templates = defaultOpenRouterModels();
  const vendors = ['openai', 'anthropic', 'google', 'meta-llama', 'mistralai', 'deepseek', 'qwen', 'x-ai', 'cohere', 'nvidia'];
  const models: OpenRouterModel[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length] as OpenRouterModel;
    if (i < templates.length) {
      models.push(template);
      continue;
    }
    const vendor = vendors[i % vendors.length] as string;
    const slug = `${vendor}/${template.id.split('/')[1]?.replace(':free', '')}-v${Math.floor(i / templates.length)}`;
    models.push({
      ...template,
      id: slug,
      canonical_slug: slug,
      name: `${vendor}: ${template.name.split(': ')[1] ?? template.name} v${Math.floor(i / templates.length)}`,
      created: template.created + i,
    });
  }
  return models;
}
