import type { Page } from '@playwright/test';
import { generateDeployments, startLiteLLMServer } from '@switchboard/test-servers';
import { median, round } from './stats.js';
import { launchChromium, startBrowserHost, startPublicMap } from './ui-host.js';

export interface UiMetadataFigures {
  models: number;
  /** Click on Test Connection -> first option in the DOM (median ms). */
  idsShownMs: number;
  /** Click -> the first option on screen showing a figure the metadata brought (median ms). */
  firstRowMetadataMs: number;
  /** Click -> every option on screen showing the figures it shows once all metadata is in (median ms). */
  rowsMetadataMs: number;
  /** rowsMetadataMs - idsShownMs: the rows on screen, after their ids (target <= 150 ms at 10,000 models). */
  rowsAfterIdsMs: number;
  /** Click -> the whole metadata in, "Loading details…" gone (median ms). */
  allMetadataMs: number;
  /** The longest main-thread task from the ids shown to the whole metadata in (median over runs; 0 = none of 50 ms or more): what a keystroke could wait. */
  longestTaskMs: number;
}

const KEY = 'sk-master-1234';
const RUNS = 5;

async function openLiteLLM(page: Page, hostUrl: string): Promise<void> {
  await page.goto(hostUrl);
  await page.getByTestId('sidebar-settings-button').click();
  await page.getByRole('tab', { name: 'Proxy Platforms' }).click();
  await page.getByRole('button', { name: 'LiteLLM', exact: true }).click();
}

interface Timeline {
  ids: number;
  /** [ms since the click, options on screen with a known figure], at each change. */
  known: Array<[number, number]>;
  loaded: number;
  longestTask: number;
}

/**
 * Everything timed inside the page from the click: a MutationObserver notes the first option, and each
 * change in how many options show a known figure (`[data-known="true"]`); the catalog's
 * `data-details="loaded"` ends it. Long tasks (50 ms or more, Chromium's threshold) are noted meanwhile.
 */
async function timeline(page: Page, proxyUrl: string): Promise<Timeline> {
  await page.getByTestId('litellm-url-input').fill(proxyUrl);
  await page.getByTestId('litellm-api-key-input').fill(KEY);
  return page.evaluate(
    () =>
      new Promise<Timeline>((resolve, reject) => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="litellm-test-button"]');
        if (!button) return reject(new Error('no Test Connection button'));
        const line: Timeline = { ids: Number.NaN, known: [], loaded: Number.NaN, longestTask: 0 };
        // Only what starts once the ids are shown: the metadata's share, not the list's own arrival.
        const tasks = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (!Number.isNaN(line.ids) && entry.startTime >= started + line.ids) line.longestTask = Math.max(line.longestTask, entry.duration);
          }
        });
        tasks.observe({ type: 'longtask' });
        let last = -1;
        const observer = new MutationObserver(() => {
          const now = performance.now() - started;
          if (Number.isNaN(line.ids) && document.querySelector('[role="option"]')) line.ids = now;
          const known = document.querySelectorAll('[role="option"]:has([data-known="true"])').length;
          if (known !== last) {
            last = known;
            line.known.push([now, known]);
          }
          if (document.querySelector('[data-testid="litellm-catalog"][data-details="loaded"]')) {
            line.loaded = now;
            observer.disconnect();
            // Long tasks are reported after they end: one more frame lets the last one in.
            requestAnimationFrame(() =>
              setTimeout(() => {
                tasks.disconnect();
                resolve(line);
              }, 0),
            );
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-known', 'data-details'] });
        const started = performance.now();
        button.click();
        setTimeout(() => reject(new Error('the metadata was not in within 120 s')), 120_000);
      }),
  );
}

/** The metadata of the rows on screen and of the rest, in Chromium through the real browser host, against `count` models. */
export async function benchUiMetadata(count: number): Promise<UiMetadataFigures> {
  const map = await startPublicMap();
  const proxy = await startLiteLLMServer({ deployments: generateDeployments(count) });
  const host = await startBrowserHost(map.url);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const runs: Timeline[] = [];
    // One unmeasured run warms the host (public map, JIT) and the proxy's cached bodies.
    for (let run = 0; run <= RUNS; run++) {
      await openLiteLLM(page, host.url);
      const line = await timeline(page, proxy.url);
      if (run > 0) runs.push(line);
    }
    const firstRow = runs.map((line) => line.known.find(([, known]) => known > 0)?.[0] ?? line.loaded);
    // The rows on screen are done once as many show a figure as do with everything in.
    const rows = runs.map((line) => {
      const final = line.known.at(-1)?.[1] ?? 0;
      return line.known.find(([, known]) => known >= final)?.[0] ?? line.loaded;
    });
    const idsShownMs = median(runs.map((line) => line.ids));
    const rowsMetadataMs = median(rows);
    return {
      models: count,
      idsShownMs: round(idsShownMs, 1),
      firstRowMetadataMs: round(median(firstRow), 1),
      rowsMetadataMs: round(rowsMetadataMs, 1),
      rowsAfterIdsMs: round(median(runs.map((line, i) => (rows[i] as number) - line.ids)), 1),
      allMetadataMs: round(median(runs.map((line) => line.loaded)), 1),
      longestTaskMs: round(median(runs.map((line) => line.longestTask)), 1),
    };
  } finally {
    await browser.close();
    await host.stop();
    await proxy.close();
    await map.close();
  }
}
