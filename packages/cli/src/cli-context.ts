import type { SecretStore } from '@switchboard/core/keychain';

/** Where the CLI reads its world from and writes to: the process's own in main.ts, a test's in the tests. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard output: the usage, or the key and nothing else. */
  print: (text: string) => void;
  /** Standard error, one line per call. */
  reportError: (line: string) => void;
  /** A store a test hands in (a locked or failing one); otherwise the real keychain. */
  secrets?: SecretStore;
}
