import { execFileSync } from 'node:child_process';

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
