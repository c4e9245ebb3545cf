import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A fresh home for one agent run: the agent sees none of the machine's own config, caches or sessions. */
export interface AgentHome {
  /** HOME; the XDG folders sit inside it where the agents look by default. */
  home: string;
  /** The folder the agent runs in, as a person's project. */
  project: string;
  remove(): Promise<void>;
}

export async function makeAgentHome(): Promise<AgentHome> {
  const root = await mkdtemp(join(tmpdir(), 'switchboard-agent-'));
  const home = join(root, 'home');
  const project = join(root, 'project');
  await Promise.all([mkdir(home, { recursive: true }), mkdir(project, { recursive: true })]);
  return { home, project, remove: () => rm(root, { recursive: true, force: true }) };
}

/** The XDG folders of `home`, as the agents default them. */
export function xdgOf(home: string): Record<string, string> {
  return {
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
  };
}

/** The CLI's launcher in this repository: what `switchboard` runs once installed. */
export const SWITCHBOARD_CLI = fileURLToPath(new URL('../../../../../cli/bin/switchboard.mjs', import.meta.url));

/**
 * What an agent that runs `switchboard key` itself (Claude Code's apiKeyHelper,
 * Codex's auth command) needs: `switchboard` on its PATH, as after installing
 * the CLI (a `bin` folder in `home`), and the way to the test's keychain,
 * with nothing of the key itself.
 */
export async function keyHelperEnv(home: string, keychainService: string): Promise<Record<string, string>> {
  const bin = join(home, 'bin');
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'switchboard'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(SWITCHBOARD_CLI)} "$@"\n`);
  await chmod(join(bin, 'switchboard'), 0o755);
  return {
    PATH: `${bin}:${process.env['PATH'] ?? ''}`,
    DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '',
    SWITCHBOARD_KEYCHAIN_SERVICE: keychainService,
    SWITCHBOARD_USER_DATA: join(home, 'switchboard'),
  };
}
