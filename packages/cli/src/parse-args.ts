export type CliRequest =
  | { kind: 'help' }
  | { kind: 'key'; instanceId: string }
  | { kind: 'run'; command: string; args: string[]; override: boolean }
  | { kind: 'usage-error'; message: string };

const HELP = new Set(['--help', '-h', 'help']);

/**
 * `key <instance-id>`: exactly one word after it. Words that are not an id
 * are never repeated back: a key pasted where the id belongs would otherwise
 * end up in an agent's log.
 */
function parseKey(rest: readonly string[]): CliRequest {
  const [instanceId, ...extra] = rest;
  if (instanceId !== undefined && HELP.has(instanceId)) return { kind: 'help' };
  if (instanceId === undefined || instanceId === '') return { kind: 'usage-error', message: 'key needs an instance id, e.g. switchboard key litellm' };
  if (extra.length > 0) return { kind: 'usage-error', message: 'key takes one instance id and nothing after it' };
  return { kind: 'key', instanceId };
}

/**
 * `run [--override] -- <command> ...` and `run <command> ...` mean the same:
 * package managers differ in whether they pass the `--` through. Everything
 * after the command belongs to it, flags and further `--` included.
 */
function parseRun(rest: readonly string[]): CliRequest {
  const override = rest[0] === '--override';
  const afterFlags = override ? rest.slice(1) : rest;
  const words = afterFlags[0] === '--' ? afterFlags.slice(1) : afterFlags;
  const [command, ...args] = words;
  if (command === undefined || command === '') return { kind: 'usage-error', message: 'run needs a command, e.g. switchboard run -- opencode' };
  return { kind: 'run', command, args, override };
}

export function parseArgs(argv: readonly string[]): CliRequest {
  const [first, ...rest] = argv;
  if (first === undefined || HELP.has(first)) return { kind: 'help' };
  if (first === 'key') return parseKey(rest);
  if (first === 'run') return parseRun(rest);
  return { kind: 'usage-error', message: `unknown command "${first}"` };
}
