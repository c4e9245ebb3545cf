import { execFileSync, spawnSync } from 'node:child_process';
import { chown } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The account .ci/run creates so permission tests can fail under root, which ignores file permissions. */
const UNPRIVILEGED_USER = 'switchboard-ci';
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

export interface UnprivilegedRunner {
  /** Why the test cannot run here, or null. */
  skip: string | null;
  /** Hands paths to the user the script runs as (a no-op when the tests are not root). */
  own(...paths: string[]): Promise<void>;
  /** Runs a TypeScript script (with tsx) as that user and parses what it prints as JSON. */
  run<T>(script: string, args: readonly string[]): T;
}

function idOf(flag: '-u' | '-g'): number | null {
  try {
    return Number(execFileSync('id', [flag, UNPRIVILEGED_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return null;
  }
}

function runScript<T>(command: string, args: readonly string[]): T {
  const child = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${child.status ?? child.signal}): ${child.stderr}`);
  return JSON.parse(child.stdout) as T;
}

/**
 * Runs a script as an unprivileged user: as is when the tests already run as
 * one, through `runuser -u switchboard-ci` when they run as root. Root without
 * that account cannot run such a test, and the skip says so.
 */
export function unprivilegedRunner(): UnprivilegedRunner {
  const node = process.execPath;
  if (process.getuid?.() !== 0) {
    return { skip: null, own: async () => undefined, run: (script, args) => runScript(node, ['--import', 'tsx', script, ...args]) };
  }
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === null || gid === null) {
    return {
      skip: `running as root, which ignores folder permissions, and there is no "${UNPRIVILEGED_USER}" user to run it as; create one (see .ci/run: useradd --system --no-create-home ${UNPRIVILEGED_USER})`,
      own: async () => undefined,
      run: () => {
        throw new Error('skipped');
      },
    };
  }
  // The script runs from this checkout: a clone under /root (mode 700) is out of that user's reach.
  const probe = join(REPO_ROOT, 'node_modules', 'tsx', 'package.json');
  if (spawnSync('runuser', ['-u', UNPRIVILEGED_USER, '--', 'test', '-r', probe]).status !== 0) {
    return {
      skip: `running as root, and "${UNPRIVILEGED_USER}" cannot read ${probe}; make the checkout and its parent folders readable and searchable by others`,
      own: async () => undefined,
      run: () => {
        throw new Error('skipped');
      },
    };
  }
  return {
    skip: null,
    own: async (...paths) => {
      for (const path of paths) await chown(path, uid, gid);
    },
    run: (script, args) => runScript('runuser', ['-u', UNPRIVILEGED_USER, '--', node, '--import', 'tsx', script, ...args]),
  };
}
