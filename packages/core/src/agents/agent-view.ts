import { InstanceIdSchema, type AgentView } from '@switchboard/shared';
import type { SettingsStore } from '../store/settings-store.js';
import type { AgentTarget, EntryInFile } from './agent-target.js';
import { readAgentFile } from './agent-file.js';
import { resolveAgentPath } from './agent-path.js';
import { readAgentSettings } from './agent-settings.js';
import { findOnPath } from './find-command.js';

export interface ViewContext {
  settings: SettingsStore;
  env: NodeJS.ProcessEnv;
  home: string;
  /** The last sync of this agent that failed, and why; cleared by the next good write. */
  syncProblem(target: AgentTarget): string | null;
}

const MAX_MODEL_ID = 512;

/** Only an entry the contract can carry: a hand-edited file may name anything. */
function shownEntry(entry: EntryInFile | null): AgentView['entry'] {
  if (entry === null || entry.modelId.length > MAX_MODEL_ID || !InstanceIdSchema.safeParse(entry.instanceId).success) return null;
  return { instanceId: entry.instanceId, modelId: entry.modelId };
}

/** What the Agents tab shows for one target, as things stand now: its file, whether it is installed, its entry, sync. */
export async function agentView(target: AgentTarget, context: ViewContext): Promise<AgentView> {
  const chosen = readAgentSettings(context.settings, target.id);
  const { configPath, envActive } = resolveAgentPath(target, chosen, context.env, context.home);
  const [found, inFile] = await Promise.all([findOnPath(target.command, context.env), readAgentFile(target, configPath)]);
  return {
    id: target.id,
    displayName: target.displayName,
    configPath,
    chosenPath: chosen.configPath,
    envOverride: target.envOverride === null ? null : { name: target.envOverride, active: envActive },
    installed: { found: found !== null, command: target.command, path: found },
    needs: target.needs,
    entry: inFile.ok ? shownEntry(inFile.value) : null,
    fileProblem: inFile.ok ? context.syncProblem(target) : inFile.error.message,
    sync: chosen.sync ?? false,
    runCommand: target.runCommand,
    keyRoute: target.keyRoute,
  };
}
