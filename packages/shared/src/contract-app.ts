import { z } from 'zod';

const AppNoticeKindSchema = z.enum([
  /** The settings file could not be read at all and was moved aside; the app started with empty settings. */
  'settings-kept-aside',
  /** Some entries were broken and dropped; the original file was copied aside. */
  'settings-repaired',
  /** A newer Switchboard wrote the file; it is left untouched and this session keeps its settings in memory. */
  'settings-newer',
  /** The settings file could not be used nor moved; this session keeps its settings in memory. */
  'settings-in-memory',
]);
export type AppNoticeKind = z.infer<typeof AppNoticeKindSchema>;

/** Something the person should know from the start of this session; `message` names any file it kept aside. */
const AppNoticeSchema = z.object({ kind: AppNoticeKindSchema, message: z.string() });
export type AppNotice = z.infer<typeof AppNoticeSchema>;

/** Channels about the app itself rather than a platform. */
export const appChannels = {
  /** What opening the stores found worth saying (a settings file kept aside, entries dropped), once per start. */
  'app:get-notices': { input: z.undefined(), output: z.array(AppNoticeSchema) },
} as const;
