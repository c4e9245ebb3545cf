import { MAX_METADATA_IDS, type Model } from '@switchboard/shared';
import type { Outcome } from './bridge';
import type { PlatformCalls } from './platform-calls';

/** How many pages are asked at once: the host answers them side by side, and each is small to check. */
const PAGES_AT_ONCE = 4;

/**
 * The metadata of `ids`, a page (MAX_METADATA_IDS models) at a time. At 10,000 models the whole answer in
 * one piece is 7.5 MB, whose parse and check against the contract hold the page for over 100 ms, and a
 * keystroke with it; a page takes a few ms, and keystrokes run between pages.
 */
export async function metadataInPages(
  fetchMetadataOf: NonNullable<PlatformCalls['fetchMetadataOf']>,
  ids: readonly string[],
): Promise<Outcome<{ models: Model[]; fetchedAt: number | null }>> {
  const pages: string[][] = [];
  for (let at = 0; at < ids.length; at += MAX_METADATA_IDS) pages.push(ids.slice(at, at + MAX_METADATA_IDS));
  const models: Model[] = [];
  let fetchedAt: number | null = null;
  for (let at = 0; at < pages.length; at += PAGES_AT_ONCE) {
    const answers = await Promise.all(pages.slice(at, at + PAGES_AT_ONCE).map((page) => fetchMetadataOf({ ids: page })));
    for (const answer of answers) {
      if (!answer.ok) return answer;
      for (const model of answer.value.models) models.push(model);
      fetchedAt = answer.value.fetchedAt;
    }
  }
  return { ok: true, value: { models, fetchedAt } };
}
