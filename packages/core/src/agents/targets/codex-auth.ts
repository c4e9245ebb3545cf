/**
 * Codex runs its auth `command` itself, without a shell: a program and its
 * `args`. AgentEntry.keyCommand is a command line (Claude Code's
 * apiKeyHelper runs it through a shell), so it is split the way a POSIX
 * shell would split plain words and quotes. A line that needs a shell for
 * more than that (pipes, `$`, redirections) is handed to `sh -c` whole.
 */

export interface AuthCommand {
  command: string;
  args: string[];
}

const SHELL_ONLY = new Set(['|', '&', ';', '<', '>', '(', ')', '$', '`', '*', '?', '[', '#', '~']);

/** Words of a command line, or null where only a shell could run it. */
function shellWords(line: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index);
    if (char === ' ' || char === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === "'") {
      const close = line.indexOf("'", index + 1);
      if (close === -1) return null;
      word = (word ?? '') + line.slice(index + 1, close);
      index = close;
    } else if (char === '"') {
      let inner = '';
      for (index++; index < line.length && line.charAt(index) !== '"'; index++) {
        const next = line.charAt(index + 1);
        if (line.charAt(index) === '\\' && '"\\$`'.includes(next) && next !== '') {
          inner += next;
          index++;
        } else if ('$`'.includes(line.charAt(index))) return null;
        else inner += line.charAt(index);
      }
      if (index >= line.length) return null;
      word = (word ?? '') + inner;
    } else if (char === '\\') {
      if (index + 1 >= line.length) return null;
      word = (word ?? '') + line.charAt(++index);
    } else if (SHELL_ONLY.has(char) || char === '\n' || char === '\r') {
      return null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The program and arguments Codex runs for the key: `switchboard key litellm` -> switchboard, [key, litellm]. */
export function authCommandOf(keyCommand: string): AuthCommand {
  const words = shellWords(keyCommand.trim());
  const [command, ...args] = words ?? [];
  if (command === undefined || command === '') return { command: 'sh', args: ['-c', keyCommand] };
  return { command, args };
}
