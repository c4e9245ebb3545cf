import type { LiteLLMVersion } from './types.js';

/** What differs between the recorded releases, beside the routes both have. */
export interface VersionFacts {
  /** /model/info fields this release does not have yet. */
  missingModelInfoFields: ReadonlySet<string>;
  /** supported_openai_params entries this release does not offer yet. */
  missingOpenAIParams: ReadonlySet<string>;
  /** 1.81.12 serialises token limits in /model_group/info as floats (128000.0), 1.81.0 as integers. */
  floatTokenLimits: boolean;
  useAiohttpTransport: boolean;
  /** A chat answer's `model`: the alias asked for (1.81.12) or the upstream's own name (1.81.0). */
  chatModel: 'alias' | 'upstream';
  /** `created` of the recorded plain and streamed answers, so replies are byte-identical to them. */
  createdPlain: number;
  createdStream: number;
  /** 1.81.0 sends LiteLLM's x-litellm-* (and llm_provider-*) headers with chat answers, and `server: uvicorn`. */
  litellmHeaders: boolean;
  /** 1.81.0 answers GET / with its own Swagger page (swagger-root.html) and routes no id containing "/". */
  recordedRoot: boolean;
  slashInModelId: boolean;
  /** 1.81.0 words an unknown model differently once a wildcard route exists. */
  wildcardUnknownModelWording: boolean;
}

const FACTS: Record<LiteLLMVersion, VersionFacts> = {
  '1.81.12': {
    missingModelInfoFields: new Set(),
    missingOpenAIParams: new Set(),
    floatTokenLimits: true,
    useAiohttpTransport: false,
    chatModel: 'alias',
    createdPlain: 1795320850,
    createdStream: 1795320850,
    litellmHeaders: false,
    recordedRoot: false,
    slashInModelId: true,
    wildcardUnknownModelWording: false,
  },
  '1.81.0': {
    missingModelInfoFields: new Set(['input_cost_per_image', 'input_cost_per_audio_per_second', 'input_cost_per_video_per_second']),
    missingOpenAIParams: new Set(['prompt_cache_key', 'speed']),
    floatTokenLimits: false,
    useAiohttpTransport: true,
    chatModel: 'upstream',
    createdPlain: 1795320850,
    createdStream: 1795934769,
    litellmHeaders: true,
    recordedRoot: true,
    slashInModelId: false,
    wildcardUnknownModelWording: true,
  },
};

const DEFAULT_VERSION: LiteLLMVersion = '1.81.12';

export function versionFacts(version: LiteLLMVersion | undefined): VersionFacts {
  return FACTS[version ?? DEFAULT_VERSION];
}
