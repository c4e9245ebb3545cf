import { modelGroupEntries } from './model-groups.js';
import type { ModelGroups } from './model-groups.js';
import { modelInfoEntry } from './model-info.js';
import { modelIds } from './model-list.js';
import type { LiteLLMDeployment, LiteLLMVersion } from './types.js';
import { versionFacts } from './versions.js';

/** A 10,000-model /model/info is tens of MB: each body is built once per deployment list and release, not per request. */
export class Catalog {
  private idsCache?: string[];
  private modelsJsonCache?: string;
  private modelInfoCache?: Record<string, unknown>[];
  private modelInfoJsonCache?: string;
  private groupsCache?: ModelGroups;
  private groupsJsonCache?: string;

  constructor(
    readonly deployments: LiteLLMDeployment[],
    private readonly version: LiteLLMVersion | undefined,
  ) {}

  get ids(): string[] {
    return (this.idsCache ??= modelIds(this.deployments));
  }

  get modelsJson(): string {
    return (this.modelsJsonCache ??= modelListJson(this.ids));
  }

  get modelInfo(): Record<string, unknown>[] {
    const facts = versionFacts(this.version);
    return (this.modelInfoCache ??= this.deployments.map((deployment) => modelInfoEntry(deployment, facts)));
  }

  get modelInfoJson(): string {
    return (this.modelInfoJsonCache ??= JSON.stringify({ data: this.modelInfo }));
  }

  get groups(): ModelGroups {
    return (this.groupsCache ??= modelGroupEntries(this.deployments, versionFacts(this.version)));
  }

  get groupsJson(): string {
    return (this.groupsJsonCache ??= groupListJson(this.groups.json));
  }
}

export function modelObject(id: string): Record<string, unknown> {
  return { id, object: 'model', created: 1677610602, owned_by: 'openai' };
}

export function modelListJson(ids: string[]): string {
  return JSON.stringify({ data: ids.map(modelObject), object: 'list' });
}

/** Groups are kept serialised one by one, so a filtered answer keeps each release's number format. */
export function groupListJson(groupJson: string[]): string {
  return `{"data":[${groupJson.join(',')}]}`;
}

const catalogs = new WeakMap<LiteLLMDeployment[], Map<string, Catalog>>();

export function catalogOf(deployments: LiteLLMDeployment[], version: LiteLLMVersion | undefined): Catalog {
  let byVersion = catalogs.get(deployments);
  if (!byVersion) catalogs.set(deployments, (byVersion = new Map()));
  const key = version ?? 'default';
  let catalog = byVersion.get(key);
  if (!catalog) byVersion.set(key, (catalog = new Catalog(deployments, version)));
  return catalog;
}
