import { errorName } from '@switchboard/shared';

/**
 * The host's last resort: an error nothing else caught is logged by its
 * name only (its message or stack could carry a request's key or URL) and
 * the host keeps serving, since one bad request must not take the UI away.
 * Each such line is a bug to fix, with a test.
 */
export function keepServingOnUnexpectedErrors(log: (line: string) => void): void {
  const report = (what: string) => (error: unknown) => log(`switchboard: ${what} (${errorName(error)}); the host keeps running. Please report this.`);
  process.on('uncaughtException', report('an unexpected error was not handled'));
  process.on('unhandledRejection', report('an unexpected rejection was not handled'));
}
