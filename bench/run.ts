import { benchCoreDiscovery } from './core-discovery.js';
import { benchPublicMapLoad } from './public-map-load.js';

const SIZES = [200, 2_000, 10_000];

console.log('Switchboard benchmark (Node %s, %s)', process.version, new Date().toISOString());
console.log('\nCore discovery + enrichment vs raw fetch + parse of the same endpoints (median ms; target ratio <= 1.3 at 10,000)');
console.log('models  | raw ms  | core ms | ratio');
for (const size of SIZES) {
  const figures = await benchCoreDiscovery(size, size >= 10_000 ? 15 : 25);
  console.log(`${String(size).padEnd(7)} | ${String(figures.rawMs).padEnd(7)} | ${String(figures.coreMs).padEnd(7)} | ${figures.ratio}`);
  console.log(JSON.stringify({ bench: 'core-discovery', ...figures }));
}

const map = await benchPublicMapLoad(20);
console.log('\nPublic metadata map from its file cache (target < 50 ms)');
console.log(`median ${map.medianMs} ms, p95 ${map.p95Ms} ms`);
console.log(JSON.stringify({ bench: 'public-map-load', ...map }));
