import type { InstanceId } from '@switchboard/shared';

/**
 * Keychain accounts for the network's secrets, beside the keys (account =
 * instance id). A header's account is by its name in lower case, since HTTP
 * header names are: `X-Token` and `x-token` are one header.
 */
export function headerAccount(instanceId: InstanceId, headerName: string): string {
  return `${instanceId}#header:${headerName.toLowerCase()}`;
}

/** The password of the proxy typed in Settings > General (`url` mode). */
export const PROXY_PASSWORD_ACCOUNT = 'network#proxy-password';
