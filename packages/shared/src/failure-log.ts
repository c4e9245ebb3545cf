/** An error's name, never its message or stack: those can carry a key or a URL from the request that caused it. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** The one log line for work that failed in a way nothing turned into a Result: what it was, and the error's name. */
export function unexpectedFailureLine(what: string, error: unknown): string {
  return `switchboard: ${what} failed unexpectedly (${errorName(error)})`;
}
