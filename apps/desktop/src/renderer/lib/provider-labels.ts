/** The group of models whose provider nobody knows. */
export const OTHER_GROUP = 'Other';

// LiteLLM's provider keys are identifiers ("fireworks_ai", "vertex_ai-language-models"); people read brand names.
// Variants of one provider share a name, and so a group.
const LABELS: Readonly<Record<string, string>> = {
  openai: 'OpenAI',
  'text-completion-openai': 'OpenAI',
  azure: 'Azure OpenAI',
  azure_ai: 'Azure AI',
  anthropic: 'Anthropic',
  bedrock: 'AWS Bedrock',
  bedrock_converse: 'AWS Bedrock',
  sagemaker: 'AWS SageMaker',
  gemini: 'Google Gemini',
  google: 'Google',
  vertex_ai: 'Google Vertex AI',
  'vertex_ai-language-models': 'Google Vertex AI',
  'vertex_ai-anthropic_models': 'Google Vertex AI',
  mistral: 'Mistral',
  codestral: 'Mistral',
  deepseek: 'DeepSeek',
  xai: 'xAI',
  groq: 'Groq',
  fireworks_ai: 'Fireworks AI',
  openrouter: 'OpenRouter',
  together_ai: 'Together AI',
  cohere: 'Cohere',
  cohere_chat: 'Cohere',
  ollama: 'Ollama',
  ollama_chat: 'Ollama',
  hosted_vllm: 'vLLM',
  perplexity: 'Perplexity',
  huggingface: 'Hugging Face',
  databricks: 'Databricks',
  cerebras: 'Cerebras',
  sambanova: 'SambaNova',
  nvidia_nim: 'NVIDIA NIM',
  watsonx: 'IBM watsonx',
  replicate: 'Replicate',
  deepinfra: 'DeepInfra',
  ai21: 'AI21',
  voyage: 'Voyage AI',
  dashscope: 'Alibaba DashScope',
  moonshot: 'Moonshot AI',
};

/** The group a model is listed under: the provider's name, or "Other" when it is not known. */
export function providerLabel(provider: string | null): string {
  const key = provider?.trim() ?? '';
  if (key === '') return OTHER_GROUP;
  return LABELS[key.toLowerCase()] ?? key;
}
