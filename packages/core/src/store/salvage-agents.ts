import { AGENT_IDS } from '@switchboard/shared';
import { isSettingsDocument, type SettingsDocument } from './migrations/settings-document.js';
import { AgentSettingsSchema } from './settings-schema.js';

const KNOWN: ReadonlySet<string> = new Set(AGENT_IDS);

/**
 * The agents section, agent by agent and field by field: a broken path or
 * switch falls back to its default alone, an id Switchboard does not know is
 * dropped (and said), and every other agent's choices stay.
 */
export function salvageAgents(value: unknown, dropped: string[]): SettingsDocument {
  if (value === undefined) return {};
  if (!isSettingsDocument(value)) {
    dropped.push('agents');
    return {};
  }
  const kept: [string, SettingsDocument][] = [];
  for (const [id, entry] of Object.entries(value)) {
    const shown = JSON.stringify(id.slice(0, 80));
    if (!KNOWN.has(id)) {
      dropped.push(`the settings of the unknown agent ${shown}`);
      continue;
    }
    if (!isSettingsDocument(entry)) {
      dropped.push(`agents.${id}`);
      continue;
    }
    const fields: SettingsDocument = {};
    for (const [field, schema] of Object.entries(AgentSettingsSchema.shape)) {
      const parsed = schema.safeParse(entry[field]);
      if (parsed.success) fields[field] = parsed.data;
      else dropped.push(`agents.${id}.${field}`);
    }
    kept.push([id, fields]);
  }
  // fromEntries defines own properties, so an id like "__proto__" could not become a prototype (it is dropped above anyway).
  return Object.fromEntries(kept);
}
