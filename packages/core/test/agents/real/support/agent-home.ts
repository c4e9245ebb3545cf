import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
