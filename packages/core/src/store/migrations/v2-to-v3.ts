import { STREAM_LIMITS } from '@switchboard/shared';
import { isSettingsDocument, type SettingsDocument } from './settings-document.js';

/**
 * Version 3 adds the playground: its drafts (what the person typed, per
 * model), none yet, and its deadlines at their defaults. Everything else is carried over as it is; a playground
 * section already there (a hand edit) keeps what it holds, and one that is
 * not an object is left for the salvage to judge, not replaced here.
 */
export function migrateV2ToV3(document: SettingsDocument): SettingsDocument {
  const playground = document['playground'] ?? {};
  if (!isSettingsDocument(playground)) return document;
  const { firstByteTimeoutMs, stallTimeoutMs } = STREAM_LIMITS;
  return { ...document, playground: { drafts: {}, firstByteTimeoutMs, stallTimeoutMs, ...playground } };
}
