/**
 * The parts of opencode's config (schema of opencode 1.18.33) that Switchboard
 * writes. Optional fields are left out when unknown: opencode fills in its own
 * defaults, and a guessed value would be worse than none.
 */
export type OpencodeModality = 'text' | 'image' | 'pdf';

export interface OpencodeModelEntry {
  name: string;
  /** Both or neither: opencode refuses a limit without `context` and `output`. */
  limit?: { context: number; output: number };
  tool_call?: boolean;
  reasoning?: boolean;
  attachment?: boolean;
  modalities?: { input: OpencodeModality[] };
  /** USD per million tokens; input and output both or neither, as the schema requires; the cache prices only beside them. */
  cost?: { input: number; output: number; cache_read?: number; cache_write?: number };
  /** Another SDK for this model alone: `@ai-sdk/openai` for a model that only speaks the Responses API. */
  provider?: { npm: typeof OPENAI_RESPONSES_PACKAGE };
}

export const OPENAI_COMPATIBLE_PACKAGE = '@ai-sdk/openai-compatible';
/** opencode's bundled OpenAI SDK: a model it builds calls `/v1/responses`, on the provider entry's `baseURL` and key. */
export const OPENAI_RESPONSES_PACKAGE = '@ai-sdk/openai';

export interface OpencodeProviderEntry {
  npm: typeof OPENAI_COMPATIBLE_PACKAGE;
  name: string;
  /** `headers`: sent with every request, a secret one as `{env:…}` (opencode's and Kilo's provider `options.headers`). */
  options: { baseURL: string; apiKey?: string; headers?: Record<string, string> };
  models: Record<string, OpencodeModelEntry>;
}

/**
 * How the key reaches opencode. `env` (the default) keeps it off the disk:
 * `switchboard run` sets the variable from the keychain. `plain` is the
 * explicit opt-in that writes it into the file.
 */
export type ApiKeySource = { kind: 'env'; variable: string } | { kind: 'plain'; value: string } | { kind: 'none' };

export const OPENCODE_SCHEMA_URL = 'https://opencode.ai/config.json';
