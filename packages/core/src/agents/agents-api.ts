import { fail, type AgentId, type AgentPreview, type InstanceId, type Result, type SwitchboardApi, type WrittenConfig } from '@switchboard/shared';
import { guardResult } from '../api/guard.js';
import type { PlatformRegistry } from '../api/platform-registry.js';
import type { ApiServices } from '../api/services.js';
import { checkChosenConfigPath } from '../opencode/check-config-path.js';
import type { AgentTarget } from './agent-target.js';
import { buildAgentEntry } from './agent-entry.js';
import { planAgentFile, previewOf, roleOf, writeAgentFile, type AgentFilePlan } from './agent-file.js';
import { resolveAgentPath } from './agent-path.js';
import { readAgentSettings, writeAgentSettings } from './agent-settings.js';
import { agentView } from './agent-view.js';
import { foundApis, knownApis, missingApi } from './platform-apis.js';
import { AGENT_TARGETS, findAgentTarget } from './registry.js';
import { syncAgents } from './agent-sync.js';

type AgentsChannels = Pick<SwitchboardApi, Extract<keyof SwitchboardApi, `agents:${string}`>>;
type OpencodeChannels = Pick<SwitchboardApi, 'opencode:preview' | 'opencode:write'>;

export interface AgentsApi {
  channels: AgentsChannels;
  /** After Use This Model on an instance: rewrites every agent file in sync that points at it. */
  syncInstance(instanceId: InstanceId): Promise<void>;
  /**
   * After an instance's network settings were saved: its custom headers are
   * part of each agent's entry, so every file in sync that points at it and
   * would change is rewritten, opencode's too (its panel does not see this save).
   */
  syncNetwork(instanceId: InstanceId): Promise<void>;
}

const notOffered = (id: AgentId) =>
  fail('invalid-input', `Switchboard cannot write ${id}'s config in this version. Update Switchboard, or set ${id} up by hand.`);

/**
 * The Agents tab's channels over every registered target: list, settings,
 * preview as a masked diff, and the write (fingerprint-checked, atomic, the
 * previous file kept). opencode's preview and write go through its own
 * channels, so what it does today (plain-key opt-in, Responses-only models,
 * small model) is what the Agents tab writes too.
 */
export function createAgentsApi(services: ApiServices, registry: PlatformRegistry, opencode: OpencodeChannels): AgentsApi {
  const syncProblems = new Map<AgentId, string>();
  const context = { settings: services.settings, env: services.env, home: services.home, syncProblem: (target: AgentTarget) => syncProblems.get(target.id) ?? null };
  const view = (target: AgentTarget) => agentView(target, context);
  const pathOf = (target: AgentTarget) => resolveAgentPath(target, readAgentSettings(services.settings, target.id), services.env, services.home).configPath;

  /** The refusal where the platform lacks the API the agent calls, or the plan of the write. */
  const plan = async (target: AgentTarget, instanceId: InstanceId): Promise<Result<AgentFilePlan>> => {
    const instance = registry(instanceId);
    const missing = missingApi(target, instanceId, instance?.displayName ?? instanceId, foundApis(instance?.service.saved()));
    if (missing !== null) return fail('invalid-input', missing);
    const entry = await buildAgentEntry(registry, services, instanceId);
    if (!entry.ok) return entry;
    return planAgentFile(target, pathOf(target), entry.value);
  };

  const preview = async (target: AgentTarget, instanceId: InstanceId): Promise<Result<AgentPreview>> => {
    if (target.id === 'opencode') {
      const previewed = await opencode['opencode:preview']({ instanceId });
      if (!previewed.ok) return previewed;
      const { filePath, diff, changed, fingerprint } = previewed.value;
      return { ok: true, value: { filePath, diff, changed, fingerprint } };
    }
    const planned = await plan(target, instanceId);
    return planned.ok ? { ok: true, value: previewOf(planned.value) } : planned;
  };

  const write = async (target: AgentTarget, instanceId: InstanceId, fingerprint: string | null): Promise<Result<WrittenConfig>> => {
    if (target.id === 'opencode') {
      const written = await opencode['opencode:write']({ instanceId, fingerprint });
      return written.ok ? { ok: true, value: { path: written.value.path, backupPath: written.value.backupPath } } : written;
    }
    const planned = await plan(target, instanceId);
    if (!planned.ok) return planned;
    if (fingerprint !== null && planned.value.fingerprint !== fingerprint) {
      return fail('config-write', `${planned.value.filePath} would change differently from what you reviewed. Look at the new change, then write it.`);
    }
    const written = await writeAgentFile(target, planned.value);
    if (!written.ok) return written;
    syncProblems.delete(target.id);
    // Once written, keeping the file in step with Use This Model is what a person expects, unless they said otherwise.
    if (readAgentSettings(services.settings, target.id).sync === null) writeAgentSettings(services.settings, target.id, { sync: true });
    return written;
  };

  const confirmApi: AgentsChannels['agents:confirm-api'] = async ({ instanceId, api, confirmed }) => {
    const instance = registry(instanceId);
    const known = knownApis(instanceId, instance?.displayName ?? instanceId);
    if (known !== null) return fail('invalid-input', known);
    const settings = services.settings.read();
    const saved = settings.platforms[instanceId];
    if (!instance || !saved) return fail('not-configured', `There is no custom endpoint "${instanceId}". It may have been removed.`);
    const others = (saved.confirmedApis ?? []).filter((each) => each !== api);
    // Chat completions are what every endpoint is known to have: they are never a confirmation.
    const confirmedApis = confirmed && api !== 'chat-completions' ? [...others, api] : others;
    services.settings.write({ ...settings, platforms: { ...settings.platforms, [instanceId]: { ...saved, confirmedApis } } });
    return { ok: true, value: confirmedApis };
  };

  const channels: AgentsChannels = {
    'agents:list': async () => Promise.all(AGENT_TARGETS.map(view)),

    'agents:set-settings': async ({ agentId, configPath, sync }) => {
      const target = findAgentTarget(agentId);
      if (!target) return notOffered(agentId);
      if (configPath) {
        const checked = await checkChosenConfigPath(configPath, services.home, roleOf(target));
        if (!checked.ok) return checked;
      }
      const changes: { configPath?: string | null; sync?: boolean } = {};
      if (configPath !== undefined) changes.configPath = configPath === '' ? null : configPath;
      if (sync !== undefined) changes.sync = sync;
      writeAgentSettings(services.settings, agentId, changes);
      return { ok: true, value: await view(target) };
    },

    'agents:preview': ({ agentId, instanceId }) =>
      guardResult(async () => {
        const target = findAgentTarget(agentId);
        return target ? preview(target, instanceId) : notOffered(agentId);
      }),

    'agents:write': ({ agentId, instanceId, fingerprint }) =>
      guardResult(async () => {
        const target = findAgentTarget(agentId);
        if (!target) return notOffered(agentId);
        const written = await write(target, instanceId, fingerprint);
        return written.ok ? { ok: true, value: { ...written.value, agent: await view(target) } } : written;
      }),

    'agents:confirm-api': confirmApi,
  };

  return {
    channels,
    syncNetwork: (instanceId) =>
      syncAgents({
        targets: AGENT_TARGETS.filter((target) => readAgentSettings(services.settings, target.id).sync === true),
        instanceId,
        pathOf,
        write: (target) =>
          guardResult(async () => {
            const previewed = await preview(target, instanceId);
            if (!previewed.ok) return previewed;
            // A CA file changed, or headers this agent does not carry: the file stays as it is, its .bak too.
            if (!previewed.value.changed) return { ok: true, value: { path: previewed.value.filePath, backupPath: null } };
            return write(target, instanceId, previewed.value.fingerprint);
          }),
        problems: syncProblems,
      }),
    syncInstance: (instanceId) =>
      syncAgents({
        targets: AGENT_TARGETS.filter((target) => target.id !== 'opencode' && readAgentSettings(services.settings, target.id).sync === true),
        instanceId,
        pathOf,
        write: (target) => guardResult(() => write(target, instanceId, null)),
        problems: syncProblems,
      }),
  };
}
