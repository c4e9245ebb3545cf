import { createHash } from 'node:crypto';
import type { AgentPreview, Result, WrittenConfig } from '@switchboard/shared';
import { configDiff } from '../opencode/config-diff.js';
import { readConfigFile } from '../opencode/read-config-file.js';
import { redactSecretsInDiff } from '../opencode/redact-diff.js';
import { writeConfigFile } from '../opencode/write-config-file.js';
import type { AgentEntry, AgentTarget, EntryInFile } from './agent-target.js';

/** A planned write of one agent's file; `text` stays in the main process. */
export interface AgentFilePlan {
  filePath: string;
  previousText: string | null;
  text: string;
  fingerprint: string;
}

/** How a file is named in sentences: "Kilo Code CLI's config". */
export const roleOf = (target: AgentTarget): string => `${target.displayName}'s config`;

function fingerprintOf(previousText: string | null, text: string): string {
  return createHash('sha256')
    .update(previousText === null ? '\u0000absent' : `\u0001${previousText}`)
    .update('\u0000')
    .update(text)
    .digest('hex')
    .slice(0, 32);
}

/** Switchboard's entry in the agent's file now: null where there is no file or no entry; a failure where it cannot be read or parsed. */
export async function readAgentFile(target: AgentTarget, filePath: string): Promise<Result<EntryInFile | null>> {
  const current = await readConfigFile(filePath, roleOf(target));
  if (!current.ok) return current;
  return current.value === null ? { ok: true, value: null } : target.readEntry(current.value, filePath);
}

/** Reads the file (regular files only, capped) and works out its new text; writes nothing. */
export async function planAgentFile(target: AgentTarget, filePath: string, entry: AgentEntry): Promise<Result<AgentFilePlan>> {
  const current = await readConfigFile(filePath, roleOf(target));
  if (!current.ok) return current;
  const text = target.applyEntry(current.value, entry, filePath);
  if (!text.ok) return text;
  return { ok: true, value: { filePath, previousText: current.value, text: text.value, fingerprint: fingerprintOf(current.value, text.value) } };
}

/** What the Agents tab may see of a plan: the diff with secrets masked, never the text. */
export function previewOf(plan: AgentFilePlan): AgentPreview {
  const { filePath, previousText, text, fingerprint } = plan;
  const diff = configDiff(previousText === null ? '/dev/null' : filePath, filePath, previousText ?? '', text);
  return { filePath, diff: redactSecretsInDiff(diff), changed: text !== previousText, fingerprint };
}

/** Writes a plan atomically, the previous file kept as `<path>.bak`, only if the file is still what the plan was made from. */
export function writeAgentFile(target: AgentTarget, plan: AgentFilePlan): Promise<Result<WrittenConfig>> {
  return writeConfigFile(plan.filePath, plan.text, { backup: true, unchangedSince: plan.previousText, role: roleOf(target) });
}
