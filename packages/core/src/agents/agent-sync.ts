import type { AgentId, InstanceId, Result, WrittenConfig } from '@switchboard/shared';
import type { AgentTarget } from './agent-target.js';
import { readAgentFile } from './agent-file.js';

export interface SyncRequest {
  /** The targets whose sync is on. */
  targets: readonly AgentTarget[];
  /** The instance whose chosen model just changed. */
  instanceId: InstanceId;
  pathOf(target: AgentTarget): string;
  write(target: AgentTarget): Promise<Result<WrittenConfig>>;
  /** Where a failed sync is kept, so the Agents tab can say it; a good write clears it. */
  problems: Map<AgentId, string>;
}

/**
 * Keeps agents in step with Use This Model: each target in sync whose file's
 * entry points at the instance is rewritten for the new choice. A file that
 * points elsewhere is the user's choice for that agent and stays as it is.
 * opencode is not here: its own sync runs where it always has (its panel
 * writes through opencode:write after the save, and shows the result).
 */
export async function syncAgents(request: SyncRequest): Promise<void> {
  for (const target of request.targets) {
    const inFile = await readAgentFile(target, request.pathOf(target));
    if (!inFile.ok || inFile.value?.instanceId !== request.instanceId) continue;
    const written = await request.write(target);
    if (!written.ok) request.problems.set(target.id, `Keeping ${target.displayName} in sync failed: ${written.error.message}`);
  }
}
