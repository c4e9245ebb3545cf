import type { AppNotice } from '@switchboard/shared';

/** The sentences a person reads when opening the settings found something wrong; each names the file it concerns. */
export const settingsNotice = {
  keptAside: (file: string, reason: string, kept: string): AppNotice => ({
    kind: 'settings-kept-aside',
    message: `Switchboard could not read its settings file ${file}: it ${reason}. It kept the file as ${kept} and started with empty settings; connect your platforms again, or restore what you need from that copy.`,
  }),
  repaired: (file: string, dropped: readonly string[], kept: string): AppNotice => ({
    kind: 'settings-repaired',
    message: `Part of the settings file ${file} was not valid and was dropped: ${dropped.join(', ')}. Everything else was kept. The file as it was is saved as ${kept}.`,
  }),
  newer: (file: string, version: number, known: number): AppNotice => ({
    kind: 'settings-newer',
    message: `The settings file ${file} was written by a newer Switchboard (settings version ${version}; this one knows up to ${known}). It is left untouched: this session starts with empty settings and will not save them. Update Switchboard to use your settings.`,
  }),
  inMemory: (file: string, reason: string): AppNotice => ({
    kind: 'settings-in-memory',
    message: `Switchboard cannot use its settings file ${file}: ${reason}. This session keeps its settings in memory only; they are lost when it ends.`,
  }),
};
