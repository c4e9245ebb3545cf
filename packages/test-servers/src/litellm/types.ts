import type { FailureMode } from '../types.js';

/** One entry of a LiteLLM proxy config's model_list. */
export interface LiteLLMDeployment {
  /** The alias / model group clients ask for; may be a wildcard such as "openai/*". */
  model_name: string;
  litellm_params: {
    model: string;
    api_base?: string;
    /** Never echoed; only hashed into model_info.id, as LiteLLM does. */
    api_key?: string;
  };
  model_info?: Record<string, unknown>;
}

export type RouteAvailability = 'ok' | 'not-found' | 'forbidden';

export interface LiteLLMServerOptions {
  /** Default: the four deployments of the recorded proxy-config.yaml. */
  deployments?: LiteLLMDeployment[];
  /** Default "sk-master-1234"; null = no master key, every request is accepted with or without a key. */
  masterKey?: string | null;
  /** Further accepted (non-admin) keys. */
  virtualKeys?: string[];
  /** false (default): a wrong key gets 400 no_db_connection; true: 401 token_not_found_in_db. */
  database?: boolean;
  latencyMs?: number;
  failure?: FailureMode | null;
  redirectTo?: string;
  modelGroupInfo?: RouteAvailability;
  modelInfo?: RouteAvailability;
  /** false = a plain OpenAI-compatible server: only model lists and chat completions exist. */
  metadata?: boolean;
  tls?: boolean;
  chatReply?: string;
  /** 0 (default) lets the OS choose; fixed ports are for manual use (cli.ts). Ignored by update(). */
  port?: number;
}
