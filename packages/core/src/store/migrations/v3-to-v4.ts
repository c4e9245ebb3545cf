import { isSettingsDocument, type SettingsDocument } from './settings-document.js';

/**
 * Version 4 adds the agent targets' choices (config path, sync), none yet:
 * every agent starts at its own default file with sync off until written.
 * Everything else is carried over as it is, opencode's section included (it
 * stays opencode's). An agents section already there (a hand edit) keeps what
 * it holds, and one that is not an object is left for the salvage to judge.
 */
export function migrateV3ToV4(document: SettingsDocument): SettingsDocument {
  const agents = document['agents'] ?? {};
  if (!isSettingsDocument(agents)) return document;
  return { ...document, agents };
}
