import type { ModelCapabilities } from '@switchboard/shared';
import type { FetchLike } from '../http/index.js';
import type { PlatformWording } from '../platforms/proxy-client.js';

/** The deadlines and caps of one generation (shared's STREAM_LIMITS unless a test hands smaller ones). */
export interface GenerateLimits {
  maxEventChars: number;
  maxTotalChars: number;
  maxDurationMs: number;
  firstByteTimeoutMs: number;
  stallTimeoutMs: number;
}

/** What generation is given, so tests hand it loopback servers and small deadlines. */
export interface GenerateDeps {
  fetch: FetchLike;
  /** Monotonic clock in ms, for the time to the first token and the total. */
  monotonic: () => number;
  limits?: GenerateLimits;
}

/** Where one generation goes and with what: the saved connection, resolved by the caller through its platform. */
export interface GenerateTarget {
  /** The platform's OpenAI-compatible base (`Platform.openAIBaseUrl`): the request goes to `<base>/chat/completions`. */
  openAIBaseUrl: string;
  /** Sent as the platform's bearer header; never in an event. */
  key: string | null;
  /** The environment variable the `curl` shows in the key's place, e.g. `LITELLM_API_KEY` (what `switchboard run` sets). */
  keyVariable: string;
  wording: PlatformWording;
  capabilities: ModelCapabilities;
}
