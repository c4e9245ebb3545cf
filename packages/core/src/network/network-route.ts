import type { InstanceId, Result } from '@switchboard/shared';
import type { FetchLike } from '../http/index.js';

/**
 * How requests to one platform instance leave the machine: through which
 * proxy (or none), trusting which extra CAs, with which custom headers. Every
 * request to a platform (listing, metadata, generation, the check, Test
 * Connection) goes through its route, so the settings in Settings > Network
 * and the platform's panel apply everywhere alike.
 */
export interface PlatformRoute {
  /**
   * fetch with the route applied: undici's proxy agent (or a plain agent with
   * the platform's CAs) as dispatcher, and the custom headers under whatever
   * the caller sets (the caller's `authorization` wins). Headers are never logged.
   */
  fetch: FetchLike;
  /** The proxy a request to `url` goes through, without credentials, or null for a direct connection (always null for loopback). */
  proxyFor(url: string): string | null;
  /** The `Proxy-Authorization` that proxy wants, for a CONNECT Switchboard opens itself (Test Connection's `tcp` step); null when none. */
  proxyAuthorizationFor(url: string): string | null;
  /** PEM certificates trusted besides the system's for this platform, or null when none were added. */
  extraCa: readonly string[] | null;
  /** The custom headers as sent, for a reproducing `curl`; secret values are in the redactor, so a report masks them. */
  headers: Readonly<Record<string, string>>;
}

/**
 * Builds routes from the settings and the keychain, asked per request so a
 * change in Settings counts from the next request. `null` is a connection
 * not saved yet (a new custom endpoint being tested): the app's proxy only.
 * Fails with a sentence when a setting cannot be used (a CA file that is
 * gone, a proxy password the keychain will not give).
 */
export interface NetworkRoutes {
  routeFor(instanceId: InstanceId | null): Promise<Result<PlatformRoute>>;
}
