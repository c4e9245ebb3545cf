import { execFileSync, spawnSync } from 'node:child_process';

/** What the OS keychain holds for a platform, read the way a person would check it. */
export function keychainEntry(account: string): string | null {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', 'switchboard', 'account', account], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

export function clearKeychainEntry(account: string): void {
  try {
    execFileSync('secret-tool', ['clear', 'service', 'switchboard', 'account', account], { stdio: 'pipe' });
  } catch (error) {
    // secret-tool exits 1 when there was nothing to clear; anything else is a broken keychain.
    if ((error as { status?: number }).status !== 1) throw error;
  }
}

/** Every account the OS keychain holds for Switchboard (secret-tool prints the attributes on stderr; the secrets on stdout are not read). */
function switchboardAccounts(): string[] {
  const found = spawnSync('secret-tool', ['search', '--all', 'service', 'switchboard'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return [...(found.stderr ?? '').matchAll(/^attribute\.account = (.+)$/gm)].map((match) => match[1] ?? '');
}

/**
 * Removes the network's secrets a spec left (issue #14): each secret header's
 * value (`<instance>#header:<name>`) and the proxy's password (`network#…`),
 * as core names them in packages/core/src/network/keychain-accounts.ts, so the
 * next spec starts with none, as it does with no keys.
 */
export function clearNetworkSecrets(): void {
  for (const account of switchboardAccounts()) {
    if (account.includes('#header:') || account.startsWith('network#')) clearKeychainEntry(account);
  }
}
