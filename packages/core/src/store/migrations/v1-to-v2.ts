import { isSettingsDocument, type SettingsDocument } from './settings-document.js';

// The default as version 2 shipped it: a migration is frozen, so a later change of default must not change what it writes.
const V2_WRITE_RESPONSES_ONLY = false;

/**
 * Version 2 adds the opencode setting "Also write models that only speak the
 * Responses API", off. Everything else is carried over as it is; an opencode
 * section that is not an object is left for the salvage to judge, not
 * replaced here.
 */
export function migrateV1ToV2(document: SettingsDocument): SettingsDocument {
  const opencode = document['opencode'] ?? {};
  if (!isSettingsDocument(opencode)) return document;
  return { ...document, opencode: { writeResponsesOnly: V2_WRITE_RESPONSES_ONLY, ...opencode } };
}
