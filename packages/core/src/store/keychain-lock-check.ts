import { execFile } from 'node:child_process';

/** Quotes a string for GVariant's text format, which is what gdbus reads its arguments in. */
function gvariantString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Whether the Secret Service holds an entry for this service and account that
 * is locked. libsecret answers a lookup in a locked keyring with "nothing
 * stored", which would read as "no key" and send requests without it; its own
 * SearchItems call tells locked entries apart. Asked through `gdbus` (part of
 * GLib, which libsecret needs anyway); where it cannot be asked, the answer is
 * `false`, as it was before this check existed.
 */
export function hasLockedEntry(service: string, account: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  const attributes = `{'service': ${gvariantString(service)}, 'account': ${gvariantString(account)}}`;
  const args = ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', '--method', 'org.freedesktop.Secret.Service.SearchItems', attributes];
  return new Promise((resolve) => {
    execFile('gdbus', args, { env, timeout: Math.max(1, timeoutMs), killSignal: 'SIGKILL' }, (error, stdout) => {
      if (error) return resolve(false);
      // The answer is (unlocked paths, locked paths), e.g. `(@ao [], [objectpath '/org/freedesktop/secrets/collection/login/1'])`.
      const split = stdout.indexOf('], ');
      resolve(split !== -1 && stdout.slice(split).includes('objectpath'));
    });
  });
}
