const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** POSIX single quotes: nothing inside is expanded; a quote itself is closed, escaped and reopened. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as a `curl` command a person can paste into a shell. The key
 * is never in it: the header names an environment variable (the one
 * `switchboard run` sets for the platform), so the command works where the
 * variable is set and shows nothing secret where it is not.
 */
export function curlCommand(url: string, body: Record<string, unknown>, keyVariable: string | null, maxChars: number): string {
  const head = [`curl -N ${shellQuote(url)}`, `-H 'Content-Type: application/json'`];
  // The name sits inside double quotes so the shell expands it: only a plain variable name may go there.
  if (keyVariable !== null) head.push(`-H "Authorization: Bearer $${VARIABLE_NAME.test(keyVariable) ? keyVariable : 'SWITCHBOARD_API_KEY'}"`);
  const json = JSON.stringify(body);
  const full = [...head, `-d ${shellQuote(json)}`].join(' \\\n  ');
  if (full.length <= maxChars) return full;
  // A prompt of 100,000 control characters escapes to far more than a command anyone would paste.
  return [...head, `-d @request.json  # the request body is ${json.length.toLocaleString('en-US')} characters; save it as request.json`].join(' \\\n  ');
}
