import { isSettingsDocument, type SettingsDocument } from './settings-document.js';

/**
 * Version 5 adds how requests leave the machine: the outgoing proxy, which
 * starts as "from the environment" (what version 4 did, since Node's fetch
 * ignored HTTPS_PROXY, that is what a person behind a proxy already set up
 * for every other tool), and per platform a CA file and headers, none yet.
 * Everything else is carried over as it is. A network section already there
 * (a hand edit) keeps what it holds; one that is not an object is left for
 * the salvage to judge.
 */
export function migrateV4ToV5(document: SettingsDocument): SettingsDocument {
  const network = document['network'] ?? { proxy: { mode: 'environment', url: null, username: null }, platforms: {} };
  if (!isSettingsDocument(network)) return document;
  return { ...document, network };
}
