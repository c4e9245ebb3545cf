import { createHash } from 'node:crypto';
import type { OpencodePreview, Result, WrittenConfig } from '@switchboard/shared';
import { planConfigUpdate, type ConfigUpdatePlan, type ConfigUpdateRequest } from './plan-config-update.js';
import { readConfigFile } from './read-config-file.js';
import { redactSecretsInDiff } from './redact-diff.js';
import { writeConfigFile, type ConfigFileSystem } from './write-config-file.js';

export type OpencodeConfigRequest = Omit<ConfigUpdateRequest, 'existingText'>;

/** A planned write. Stays in the main process: `text` may hold a key. Send {@link previewView} to the renderer. */
export interface OpencodeConfigPreview extends ConfigUpdatePlan {
  filePath: string;
  /** What the plan was made from; the write refuses to go ahead if the file has changed since. */
  previousText: string | null;
  /** Names this exact change, so "Write config" can check it writes what the user saw. */
  fingerprint: string;
}


export interface ConfigIo {
  fs?: ConfigFileSystem;
}

function fingerprintOf(previousText: string | null, text: string): string {
  return createHash('sha256')
    .update(previousText === null ? '\u0000absent' : `\u0001${previousText}`)
    .update('\u0000')
    .update(text)
    .digest('hex')
    .slice(0, 32);
}

/** Reads the config and works out the change for **Use This Model**; writes nothing. */
export async function previewOpencodeConfig(request: OpencodeConfigRequest): Promise<Result<OpencodeConfigPreview>> {
  const current = await readConfigFile(request.filePath);
  if (!current.ok) return current;
  const plan = planConfigUpdate({ ...request, existingText: current.value });
  if (!plan.ok) return plan;
  return {
    ok: true,
    value: { ...plan.value, filePath: request.filePath, previousText: current.value, fingerprint: fingerprintOf(current.value, plan.value.text) },
  };
}

/** What the Settings panel may see of a preview: no file text, secrets masked in the diff. */
export function previewView(preview: OpencodeConfigPreview): OpencodePreview {
  const { filePath, diff, changed, keyInPlainText, fingerprint, responsesOnlyLeftOut } = preview;
  return { filePath, diff: redactSecretsInDiff(diff), changed, keyInPlainText, fingerprint, responsesOnlyLeftOut };
}

/**
 * **Write config**: writes a preview, keeping the old file as `<path>.bak`.
 * If the file changed after the preview was made (the user, or opencode,
 * edited it), nothing is written and the user is asked to look again.
 */
export async function applyOpencodeConfig(preview: OpencodeConfigPreview, io: ConfigIo = {}): Promise<Result<WrittenConfig>> {
  // Compared in turn with other writes of the file, so two writes from one preview cannot both land.
  return writeConfigFile(preview.filePath, preview.text, {
    backup: true,
    ownerOnly: preview.keyInPlainText,
    unchangedSince: preview.previousText,
    ...(io.fs ? { fs: io.fs } : {}),
  });
}
