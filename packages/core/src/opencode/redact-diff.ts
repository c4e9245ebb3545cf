// `"apiKey": "sk-…"`, `"token": "…"`, …: any string under a name that says it is a secret.
const SECRET_VALUE = /("[^"\n]*(?:key|token|secret|password)[^"\n]*"\s*:\s*")((?:[^"\\\n]|\\.)*)(")/gi;
// opencode's substitutions name where a secret lives, not the secret: showing them is fine.
const REFERENCE = /^\{(?:env|file):[^}]*\}$/;

/**
 * Masks secret-looking string values in a diff before it leaves the main
 * process: the preview shows the user's whole neighbourhood of the file, which
 * may hold keys of other providers, and the renderer never sees a key.
 */
export function redactSecretsInDiff(diff: string): string {
  return diff.replace(SECRET_VALUE, (match, before: string, value: string, after: string) =>
    REFERENCE.test(value) || value === '' ? match : `${before}••••••••${after}`,
  );
}
