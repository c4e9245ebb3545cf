import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPublicModelIndex, listLiteLLMCatalog, type PublicModelMap } from '@switchboard/core';
import { fixturesDir, generateDeployments, startLiteLLMServer } from '@switchboard/test-servers';
import { measure, median, round } from './stats.js';

const KEY = 'sk-master-1234';

/** What any client must do at least: fetch the same three endpoints in parallel and parse them. */
async function rawFetchAndParse(url: string): Promise<void> {
  const headers = { authorization: `Bearer ${KEY}` };
  await Promise.all(
    ['/v1/models', '/model_group/info', '/model/info'].map(async (path) => JSON.parse(await (await fetch(url + path, { headers })).text())),
  );
}

export interface DiscoveryFigures {
  models: number;
  rawMs: number;
  coreMs: number;
  ratio: number;
}

/** Core's discovery plus enrichment against the raw cost of the same requests, in the same process. */
export async function benchCoreDiscovery(count: number, runs: number): Promise<DiscoveryFigures> {
  const server = await startLiteLLMServer({ deployments: generateDeployments(count) });
  try {
    const mapText = readFileSync(join(fixturesDir, 'litellm-1.81.12', 'model_prices_and_context_window.json'), 'utf8');
    const index = buildPublicModelIndex(JSON.parse(mapText));
    // The public map is already in memory after the first listing of a session; its own load is measured apart.
    const publicMap: PublicModelMap = { load: async () => index };
    const client = { fetch: (url: string, init: RequestInit) => fetch(url, init), timeoutMs: 30_000, maxBytes: 256 * 1024 * 1024 };
    const core = async () => {
      const listing = await listLiteLLMCatalog(client, publicMap, server.url, KEY);
      await listing.enrich();
    };
    // Interleave the two so drift on a busy machine hits both alike.
    const raw: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < runs; round += 1) {
      raw.push(...(await measure(() => rawFetchAndParse(server.url), 1, round === 0 ? 3 : 0)));
      ours.push(...(await measure(core, 1, round === 0 ? 3 : 0)));
    }
    const rawMs = median(raw);
    const coreMs = median(ours);
    return { models: count, rawMs: round(rawMs), coreMs: round(coreMs), ratio: round(coreMs / rawMs, 3) };
  } finally {
    await server.close();
  }
}
