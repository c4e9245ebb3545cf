import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, startStaticServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createPublicModelMap } from '../../src/catalog/public-model-map.js';
import { useTempDirs } from '../support/temp-dir.js';

const MAP_TEXT = readFileSync(join(fixturesDir, 'litellm-1.81.12', 'model_prices_and_context_window.json'), 'utf8');
const DAY = 24 * 60 * 60 * 1000;
const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup() {
  const server = await startStaticServer({ '/map.json': { contentType: 'application/json', body: MAP_TEXT } });
  servers.push(server);
  const clock = { now: 1_000_000 };
  const cacheFile = join(await tempDir(), 'cache', 'public-model-map.json');
  const make = (url = `${server.url}/map.json`) =>
    createPublicModelMap({ fetch, url, cacheFile, lifetimeMs: DAY, timeoutMs: 2000, now: () => clock.now });
  return { server, clock, cacheFile, make, downloads: () => server.requests.length };
}

describe('the public model map', () => {
  it('downloads once, then answers from memory, and shares one download between concurrent callers', async () => {
    const { make, downloads } = await setup();
    const map = make();
    const [first, second] = await Promise.all([map.load(), map.load()]);
    expect(first?.get('gpt-4o')?.metadata.contextLength).toBe(128_000);
    expect(second).toBe(first);
    await map.load();
    expect(downloads()).toBe(1);
  });

  it('uses the file cache across restarts within a day, and downloads again after it', async () => {
    const { make, downloads, clock } = await setup();
    await make().load();
    clock.now += DAY - 1;
    expect((await make().load())?.size).toBeGreaterThan(2000);
    expect(downloads()).toBe(1);
    clock.now += 2;
    await make().load();
    expect(downloads()).toBe(2);
  });

  it('falls back to the last cached copy, however old, when the source cannot be reached', async () => {
    const { make, clock, server } = await setup();
    await make().load();
    clock.now += 30 * DAY;
    await server.close();
    expect((await make().load())?.get('gpt-4o')).toBeDefined();
  });

  it('gives null, not an error, with neither a source nor a cache', async () => {
    const { make, server } = await setup();
    await server.close();
    expect(await make().load()).toBeNull();
  });
});
