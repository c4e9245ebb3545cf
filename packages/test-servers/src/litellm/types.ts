import type { ChatAnswerOptions, FailureMode } from '../types.js';

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

type RouteAvailability = 'ok' | 'not-found' | 'forbidden';

/** The LiteLLM release whose recordings the server answers like. */
export type LiteLLMVersion = '1.81.12' | '1.81.0';

/** A key that belongs to a team, as on a proxy with a database. */
export interface TeamKey {
  /** What /v1/models answers for this key, e.g. ['all-team-models']. */
  sentinels: string[];
  /** Model groups (aliases, wildcards included) the key may see and call; default: all. */
  models?: string[];
}

/** How an upstream that drops the connection mid-stream surfaces, by LiteLLM's HTTP transport. */
export type MidstreamDeath = 'aiohttp' | 'httpx';

export interface LiteLLMServerOptions extends ChatAnswerOptions {
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
  /** Which recording to answer like: '1.81.12' (default) or '1.81.0'. */
  version?: LiteLLMVersion;
  /**
   * Keys that belong to a team (as on a proxy with a database), e.g. { 'sk-team': { sentinels: ['all-team-models'], models: ['gpt-4o'] } }.
   * For such a key /v1/models answers only the sentinel ids; /model_group/info, /model/info, /v1/model/info
   * and /v2/model/info answer only the groups/deployments in `models` (default: all). Setting teamKeys
   * implies a database: a wrong key gets 401 token_not_found_in_db.
   */
  teamKeys?: Record<string, TeamKey>;
  /** /model/info and /v1/model/info answer {"data": []} (LiteLLM #41730) while /v2/model/info still lists the deployments. */
  modelInfoEmpty?: boolean;
  /** Availability of /v2/model/info (default 'ok' with a database or teamKeys; otherwise the recorded 500 "DB not connected"). */
  v2ModelInfo?: RouteAvailability;
  /**
   * Every reachable upstream drops the connection: a stream gets two chunks, then what LiteLLM's transport
   * makes of it (aiohttp: a made-up finish, usage and [DONE]; httpx: an error event, no [DONE]); a plain
   * request gets the recorded 500. null/undefined (default): upstreams answer.
   */
  upstreamDiesMidstream?: MidstreamDeath | null;
  /**
   * The upstream behind /v1/responses leaves `logprobs` out of its output_text parts (as many
   * OpenAI-compatible servers do): LiteLLM's validation then turns a stream's content_part.done into
   * its recorded error event and ends it without response.completed or [DONE] (Codex retries, then
   * fails); a plain answer passes, without logprobs. Default false.
   */
  responsesUpstreamOmitsLogprobs?: boolean;
  /** How long a dead upstream takes to fail: the real proxy retries for about 5 s before its 500. Default 0. */
  deadUpstreamDelayMs?: number;
  /** 0 (default) lets the OS choose; fixed ports are for manual use (cli.ts). Ignored by update(). */
  port?: number;
}
