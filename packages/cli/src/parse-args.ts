export type CliRequest =
  | { kind: 'help' }
  | { kind: 'run'; command: string; args: string[] }
  | { kind: 'usage-error'; message: string };

/**
 * `run -- <command> ...` and `run <command> ...` mean the same: package
 * managers differ in whether they pass the `--` through. Everything after the
 * command belongs to it, flags and further `--` included.
 */
export function parseArgs(argv: readonly string[]): CliRequest {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (first !== 'run') return { kind: 'usage-error', message: `unknown command "${first}"` };
  const words = rest[0] === '--' ? rest.slice(1) : rest;
  const [command, ...args] = words;
  if (command === undefined || command === '') return { kind: 'usage-error', message: 'run needs a command, e.g. switchboard run -- opencode' };
  return { kind: 'run', command, args };
}
