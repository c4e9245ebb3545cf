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
  execFileSync('secret-tool', ['clear', 'service', 'switchboard', 'account', account]);
}
