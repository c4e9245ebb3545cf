import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The fixtures live outside the repository ("shared" sits beside the repo folder), so they are
// found relative to this file rather than the working directory; CI can point elsewhere.
export const fixturesDir: string = process.env['SWITCHBOARD_FIXTURES_DIR']
  ? resolve(process.env['SWITCHBOARD_FIXTURES_DIR'])
  : resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures');

const litellmFixturesDir: string = join(fixturesDir, 'litellm-1.81.12');
/** The 1.81.0 recordings: admin pages, streams and headers the 1.81.12 set lacks. */
export const litellm1810FixturesDir: string = join(fixturesDir, 'litellm-1.81.0');

export type PublicModelEntry = Record<string, unknown> & { litellm_provider?: string; mode?: string };

let cachedMap: Record<string, PublicModelEntry> | undefined;

/** LiteLLM's public metadata map (model_prices_and_context_window.json), parsed once per process. */
export function loadPublicModelMap(): Record<string, PublicModelEntry> {
  cachedMap ??= JSON.parse(
    readFileSync(join(litellmFixturesDir, 'model_prices_and_context_window.json'), 'utf8'),
  ) as Record<string, PublicModelEntry>;
  return cachedMap;
}
