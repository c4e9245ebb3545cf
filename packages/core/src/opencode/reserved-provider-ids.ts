import { BuiltInPlatformIdSchema } from '@switchboard/shared';

/**
 * Provider ids a custom endpoint must not take, because its entry in
 * opencode's config (`provider.<id>`) would land on someone else's:
 * Switchboard's own platforms, and providers opencode knows by itself
 * (from models.dev), whose built-in entry it would merge with ours, sending
 * that provider's models to the endpoint. The second list is the common
 * hosted services, not all 75-odd: a name missing from it can still collide,
 * and the config writer refuses to replace an entry that is not an
 * OpenAI-compatible one.
 */
export const RESERVED_PROVIDER_IDS: ReadonlySet<string> = new Set([
  ...BuiltInPlatformIdSchema.options,
  'opencode',
  'openai',
  'anthropic',
  'google',
  'google-vertex',
  'google-vertex-anthropic',
  'azure',
  'amazon-bedrock',
  'github-copilot',
  'github-models',
  'groq',
  'mistral',
  'xai',
  'deepseek',
  'vercel',
  'togetherai',
  'fireworks-ai',
  'cerebras',
  'perplexity',
  'huggingface',
  'cohere',
  'moonshotai',
  'zai',
  'alibaba',
  'nvidia',
]);
