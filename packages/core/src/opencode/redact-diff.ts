import { isKeyCommand } from '../key-command.js';
import type { ConfigDiff } from './config-diff.js';

// `"apiKey": "sk-…"`, `"token": "…"`, …: any string under a name that says it is a secret.
const SECRET_VALUE = /("[^"\n]*(?:key|token|secret|password)[^"\n]*"\s*:\s*")((?:[^"\\\n]|\\.)*)(")/gi;
// opencode's substitutions name where a secret lives, not the secret: showing them is fine; so is the command
// an agent runs for its key (Claude Code's apiKeyHelper), which the person should see before it is written.
const REFERENCE = /^\{(?:env|file):[^}]*\}$/;
const isReference = (value: string) => REFERENCE.test(value) || isKeyCommand(value);
const MARKER = { added: '+', removed: '-', context: ' ', note: '\\' } as const;

/**
 * Masks secret-looking string values in a diff before it leaves the main
 * process: the preview shows the user's whole neighbourhood of the file, which
 * may hold keys of other providers, and the renderer never sees a key.
 */
export function redactSecretsInDiff(diff: ConfigDiff): ConfigDiff {
  return {
    ...diff,
    hunks: diff.hunks.map((hunk) => {
      // A hunk is masked as the unified text it stands for, so a name on one context line and its value on the next are still caught.
      const masked = redactSecretsInText(hunk.lines.map((line) => MARKER[line.kind] + line.text).join('\n')).split('\n');
      // Masking never adds or removes a line end (a value stops at one), so the lines still pair up.
      return { ...hunk, lines: hunk.lines.map((line, index) => ({ kind: line.kind, text: (masked[index] ?? '').slice(1) })) };
    }),
  };
}

function redactSecretsInText(text: string): string {
  return text.replace(SECRET_VALUE, (match, before: string, value: string, after: string) =>
    isReference(value) || value === '' ? match : `${before}••••••••${after}`,
  );
}
