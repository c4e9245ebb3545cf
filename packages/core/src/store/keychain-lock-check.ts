import { execFile } from 'node:child_process';

/** Quotes a string for GVariant's text format, which is what gdbus reads its arguments in. */
function gvariantString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const SEARCH = ['org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.SearchItems'] as const;

interface Asker {
  tool: string;
  args(service: string, account: string): string[] | null;
  /** The answer is (unlocked paths, locked paths): whether the second list has anything in it. */
  lockedIn(stdout: string): boolean;
}

const ASKERS: readonly Asker[] = [
  {
    // gdbus comes with GLib, which libsecret needs anyway: `(@ao [], [objectpath '/org/freedesktop/secrets/collection/login/1'])`.
    tool: 'gdbus',
    args: (service, account) => [
      'call', '--session', '--dest', SEARCH[0], '--object-path', SEARCH[1], '--method', SEARCH[2],
      `{'service': ${gvariantString(service)}, 'account': ${gvariantString(account)}}`,
    ],
    lockedIn: (stdout) => {
      const split = stdout.indexOf('], ');
      return split !== -1 && stdout.slice(split).includes('objectpath');
    },
  },
  {
    // dbus-send comes with D-Bus itself; its dict syntax cannot carry a comma.
    tool: 'dbus-send',
    args: (service, account) =>
      `${service}${account}`.includes(',') ? null : ['--session', '--print-reply', `--dest=${SEARCH[0]}`, SEARCH[1], SEARCH[2], `dict:string:string:service,${service},account,${account}`],
    lockedIn: (stdout) => stdout.slice(stdout.lastIndexOf('array [')).includes('object path'),
  },
];

type Asked = { answered: true; locked: boolean } | { answered: false };

function ask(asker: Asker, service: string, account: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Asked> {
  const args = asker.args(service, account);
  if (!args) return Promise.resolve({ answered: false });
  return new Promise((resolve) => {
    execFile(asker.tool, args, { env, timeout: Math.max(1, timeoutMs), killSignal: 'SIGKILL' }, (error, stdout) => {
      resolve(error ? { answered: false } : { answered: true, locked: asker.lockedIn(stdout) });
    });
  });
}

/**
 * Whether the Secret Service holds an entry for this service and account that
 * is locked. libsecret answers a lookup in a locked keyring with "nothing
 * stored", which would read as "no key" and send requests without it; the
 * Secret Service's own SearchItems call tells locked entries apart. Asked
 * through gdbus, else dbus-send; where neither can ask, the answer is `false`,
 * as it was before this check existed.
 */
export async function hasLockedEntry(service: string, account: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  for (const asker of ASKERS) {
    const asked = await ask(asker, service, account, env, timeoutMs - (Date.now() - started));
    if (asked.answered) return asked.locked;
  }
  return false;
}
