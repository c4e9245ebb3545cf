/** `--port N` (or `--port=N`); 0, the default, lets the OS choose a free port. */
export function parsePort(args: readonly string[]): number {
  const index = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index === -1) return 0;
  const arg = args[index] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port needs a number from 0 to 65535, not "${value ?? ''}".`);
    process.exit(2);
  }
  return port;
}
