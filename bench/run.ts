import { benchCoreDiscovery } from './core-discovery.js';
import { benchPublicMapLoad } from './public-map-load.js';
import { benchUiCatalog } from './ui-catalog.js';
import { benchUiMetadata } from './ui-metadata.js';
import { benchUiPlayground } from './ui-playground.js';
import { benchUiStartup } from './ui-startup.js';

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

console.log('\nModel picker in Chromium through the browser host (targets at 10,000: overhead < 100 ms, keystroke p95 < 16 ms, heap < 60 MB)');
console.log('models  | raw fetch ms | first option ms | overhead ms | renderer ms | ->frame ms | key median ms | key p95 ms | key->frame p95 ms | heap MB');
for (const size of SIZES) {
  const ui = await benchUiCatalog(size);
  console.log(
    [ui.models, ui.rawFetchMs, ui.firstOptionMs, ui.overheadMs, ui.rendererMs, ui.firstOptionFrameMs, ui.keystrokeMedianMs, ui.keystrokeP95Ms, ui.keystrokeFrameP95Ms, ui.heapMb]
      .map((value, i) => String(value).padEnd([7, 12, 15, 11, 11, 10, 13, 10, 17, 7][i] ?? 8))
      .join(' | '),
  );
  console.log(JSON.stringify({ bench: 'ui-catalog', ...ui }));
}

console.log('\nMetadata in Chromium through the browser host: the rows on screen first, then the rest (targets at 10,000: rows on screen <= 150 ms after their ids, no long task while the rest arrives)');
console.log('models  | ids shown ms | first row ms | rows on screen ms | after the ids ms | all metadata ms | longest task ms');
for (const size of SIZES) {
  const metadata = await benchUiMetadata(size);
  console.log(
    [metadata.models, metadata.idsShownMs, metadata.firstRowMetadataMs, metadata.rowsMetadataMs, metadata.rowsAfterIdsMs, metadata.allMetadataMs, metadata.longestTaskMs]
      .map((value, i) => String(value).padEnd([7, 12, 12, 17, 16, 15, 8][i] ?? 8))
      .join(' | '),
  );
  console.log(JSON.stringify({ bench: 'ui-metadata', ...metadata }));
}

const startup = await benchUiStartup();
console.log(`\nStart-up in Chromium through the browser host, a fresh context per run (targets: start-up JavaScript < 400 kB, shell painted < 150 ms)`);
console.log('start-up JS kB | first-screen JS kB | navigation -> shell frame ms | p95 ms | best ms | first contentful paint ms');
console.log(
  [startup.startupJsKb, startup.firstScreenJsKb, startup.shellFrameMs, startup.shellFrameP95Ms, startup.shellFrameBestMs, startup.firstContentfulPaintMs]
    .map((value, i) => String(value).padEnd([14, 18, 28, 6, 7, 8][i] ?? 8))
    .join(' | '),
);
console.log(JSON.stringify({ bench: 'ui-startup', ...startup }));

const playground = await benchUiPlayground();
console.log(
  `\nPlayground in Chromium through the browser host, ${playground.tokens.toLocaleString('en-US')} tokens at one per ${playground.tokenDelayMs} ms (targets: first token wire -> screen p50 < 15 ms, no long task while streaming, picker keystroke p95 < 16 ms while streaming)`,
);
console.log('wire->screen ms | p95 ms | raw first token ms | send->token ms | overhead ms | p95 ms | long tasks | longest ms | output updates | key median ms | key p95 ms | key->frame p95 ms | streaming throughout');
console.log(
  [
    playground.wireToScreenMs,
    playground.wireToScreenP95Ms,
    playground.rawFirstTokenMs,
    playground.firstTokenDomMs,
    playground.firstTokenOverheadMs,
    playground.firstTokenOverheadP95Ms,
    playground.longTasks,
    playground.longestTaskMs,
    playground.outputUpdates,
    playground.keystrokeMedianMs,
    playground.keystrokeP95Ms,
    playground.keystrokeFrameP95Ms,
    playground.streamingThroughKeys ? 'yes' : 'no (the answer ended first)',
  ]
    .map((value, i) => String(value).padEnd([15, 6, 18, 14, 11, 6, 10, 10, 14, 13, 10, 17, 8][i] ?? 8))
    .join(' | '),
);
console.log(JSON.stringify({ bench: 'ui-playground', ...playground }));
