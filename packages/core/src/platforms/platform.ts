import type { Model } from '@switchboard/shared';
import type { PublicModelMap } from '../catalog/public-model-map.js';
import type { PlatformWording, ProxyClientOptions } from './proxy-client.js';

export interface PlatformContext {
  client: ProxyClientOptions;
  publicModelMap: PublicModelMap;
  env: NodeJS.ProcessEnv;
}

export interface CatalogListing {
  /** The platform's models as soon as their ids are known. */
  models: Model[];
  /**
   * Asks for everything known about the same models; never rejects. Called
   * once, when the metadata is first wanted: at 10,000 models it is tens of
   * MB to fetch and parse, which should not compete with showing the ids.
   */
  enrich(): Promise<Model[]>;
  /**
   * What is known about a few of the same models (the rows on screen), asked
   * before the whole answer so they are shown within moments of the ids; never
   * rejects. Absent where the whole answer costs no more (its models carry it).
   */
  enrichSome?(ids: readonly string[]): Promise<Model[]>;
  /** Set when the key's access decides what is listed (a LiteLLM team key): the sentence the panel shows. */
  accessNote?: string;
}

/**
 * What makes a proxy platform a platform: where it lives, how to check a
 * connection and list its models, and how an agent runtime reaches it.
 * LiteLLM, OpenRouter and custom OpenAI-compatible endpoints implement it;
 * everything else (storage, keychain, caching, the channels) is shared.
 */
export interface Platform {
  displayName: string;
  wording: PlatformWording;
  /** Whether connecting without a key makes sense at all. */
  keyRequired: boolean;
  /** The base URL requests go to, from what the user typed (or a fixed address). Throws HttpFailure `invalid-url`. */
  baseUrl(input: string | undefined, context: PlatformContext): string;
  /** A sentence about a key that is accepted but looks wrong, or null. */
  keyWarning(key: string): string | null;
  /** Checks the connection (and the key) and lists the models. Throws HttpFailure. */
  connect(context: PlatformContext, baseUrl: string, key: string | null): Promise<CatalogListing>;
  /** The OpenAI-compatible base URL an agent runtime should call. */
  openAIBaseUrl(baseUrl: string): string;
}
