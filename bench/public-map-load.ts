import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicModelMap } from '@switchboard/core';
import { fixturesDir } from '@switchboard/test-servers';
import { measure, median, percentile, round } from './stats.js';

/** Loading the public metadata map from its file cache, as on every start within a day. */
export async function benchPublicMapLoad(runs: number): Promise<{ medianMs: number; p95Ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  try {
    const url = 'http://127.0.0.1:9/never-fetched.json';
    const cacheFile = join(dir, 'public-model-map.json');
    const map = JSON.parse(readFileSync(join(fixturesDir, 'litellm-1.81.12', 'model_prices_and_context_window.json'), 'utf8')) as unknown;
    writeFileSync(cacheFile, JSON.stringify({ fetchedAt: Date.now(), url, map }));
    copyFileSync(cacheFile, `${cacheFile}.copy`);
    const durations = await measure(async () => {
      // A new instance each time: nothing in memory, everything from the file.
      const loaded = await createPublicModelMap({ fetch, url, cacheFile, lifetimeMs: 86_400_000, timeoutMs: 1000, now: Date.now }).load();
      if (!loaded || loaded.size < 2000) throw new Error('the cache was not used');
    }, runs);
    return { medianMs: round(median(durations)), p95Ms: round(percentile(durations, 95)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
