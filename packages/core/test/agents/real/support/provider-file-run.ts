import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AgentId } from '@switchboard/shared';
import { startLiteLLMServer, type LiteLLMServer } from '@switchboard/test-servers';
import type { AgentHeader, AgentTarget } from '../../../../src/agents/agent-target.js';
import { makeAgentHome, xdgOf, type AgentHome } from './agent-home.js';
import { litellmEntry } from './litellm-entry.js';
import { runAgent, type AgentResult } from './run-agent.js';

/** A key only this run knows, so the server's log proves which key the agent sent. */
export const AGENT_KEY = 'sk-agent-run-7f3a9c';

/** A secret header's value only this run knows: in the agent's environment (as `switchboard run` sets it), never in its file. */
export const HEADER_SECRET = 'cf-secret-run-41b7e2';

export interface WrittenAndRun {
  server: LiteLLMServer;
  home: AgentHome;
  configPath: string;
  result: AgentResult;
  /** The file after the agent ran (agents add their own keys on a first run). */
  after: string;
}

/**
 * The whole path for an agent of opencode's file format: the person's own file, Switchboard's entry
 * applied by the target, then the real agent run one-shot against a LiteLLM test server, with the key
 * and each secret header's value in the variables `switchboard run` would set.
 */
export async function writeThenRun(input: {
  agent: AgentId;
  target: AgentTarget;
  userFile: string;
  args: string[];
  /** The agent's own variables, by the run's home (a variable that moves the config names a file in it). */
  env?: (home: string) => Record<string, string>;
  /** The platform's custom headers; each secret one's variable is set to HEADER_SECRET. */
  headers?: readonly AgentHeader[];
}): Promise<WrittenAndRun> {
  const server = await startLiteLLMServer({ virtualKeys: [AGENT_KEY] });
  const home = await makeAgentHome();
  const headers = input.headers ?? [];
  const entry = await litellmEntry(server.url, AGENT_KEY, 'fake-up', headers);
  const agentEnv = input.env?.(home.home) ?? {};
  const headerEnv = Object.fromEntries(headers.flatMap((header) => (header.secret ? [[header.variable, HEADER_SECRET]] : [])));
  const configPath = input.target.defaultPath({ ...xdgOf(home.home), ...agentEnv }, home.home);
  await mkdir(dirname(configPath), { recursive: true });
  await writeFile(configPath, input.userFile);
  const applied = input.target.applyEntry(input.userFile, entry, configPath);
  if (!applied.ok) throw new Error(applied.error.message);
  await writeFile(configPath, applied.value);
  const result = await runAgent({
    agent: input.agent,
    args: input.args,
    home: home.home,
    cwd: home.project,
    env: { [entry.keyVariable]: AGENT_KEY, ...headerEnv, ...agentEnv },
    secrets: [HEADER_SECRET],
    timeoutMs: 90_000,
  });
  return { server, home, configPath, result, after: await readFile(configPath, 'utf8') };
}
