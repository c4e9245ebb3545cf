import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installAgent } from '../../../core/test/agents/real/support/install-agent.js';

// The pinned opencode, from the agents' cache outside the repository (installed on first use and warmed by
// .ci/run, as for the real-agent tests), not a dependency: `pnpm install` stays lean for someone who runs the app.
const installed = await installAgent('opencode');
/** The real opencode binary; empty where it could not be installed (see {@link OPENCODE_MISSING}). */
export const OPENCODE: string = installed.ok ? installed.bin : '';
/** Why the real opencode is not there, for the tests to skip saying so; null when it is. */
export const OPENCODE_MISSING: string | null = installed.ok ? null : `opencode ${installed.agent.version} could not be installed: ${installed.reason}`;

/**
 * An environment in which opencode sees nothing of the machine's own setup:
 * its own home and XDG folders, the config file under test, no model list
 * from the network, no self-update.
 */
export async function isolatedOpencodeEnv(dir: string, configFile: string): Promise<NodeJS.ProcessEnv> {
  const home = join(dir, 'home');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    OPENCODE_CONFIG: configFile,
    OPENCODE_DISABLE_MODELS_FETCH: '1',
    OPENCODE_DISABLE_AUTOUPDATE: '1',
  };
  await mkdir(home, { recursive: true });
  return env;
}

/** `opencode models <provider> --verbose` prints each model's id line, then its JSON. */
function parseVerboseModels(stdout: string): Map<string, Record<string, unknown>> {
  const models = new Map<string, Record<string, unknown>>();
  const blocks = stdout.split(/^(?=\S+\/\S+$)/m).filter((block) => block.trim() !== '');
  for (const block of blocks) {
    const newline = block.indexOf('\n');
    models.set(block.slice(0, newline).trim(), JSON.parse(block.slice(newline + 1)) as Record<string, unknown>);
  }
  return models;
}

/**
 * `opencode models <provider> --verbose`, parsed. Its output goes to a file,
 * not a pipe: with a hundred models it runs to hundreds of KB, and opencode
 * can exit before a pipe has taken all of it, cutting the last model short.
 */
export async function opencodeModelsVerbose(provider: string, options: { env: NodeJS.ProcessEnv; cwd: string }): Promise<{ code: number | null; stderr: string; models: Map<string, Record<string, unknown>> }> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-opencode-out-'));
  const out = await open(join(dir, 'stdout'), 'w');
  try {
    const child = spawn(OPENCODE, ['models', provider, '--verbose'], { env: options.env, cwd: options.cwd, stdio: ['ignore', out.fd, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const stdout = await readFile(join(dir, 'stdout'), 'utf8');
    return { code, stderr, models: code === 0 ? parseVerboseModels(stdout) : new Map() };
  } finally {
    await out.close();
    await rm(dir, { recursive: true, force: true });
  }
}
