import { median, percentile, round } from './stats.js';
import { launchChromium, startBrowserHost, startPublicMap } from './ui-host.js';

export interface UiStartupFigures {
  /** JavaScript the page had loaded when the app shell appeared (decoded bytes, kB of 1,000). */
  startupJsKb: number;
  /** All JavaScript the first screen loads, once its first calls have settled (kB). */
  firstScreenJsKb: number;
  /** Navigation start -> the frame that paints the app shell (median ms). */
  shellFrameMs: number;
  shellFrameP95Ms: number;
  /** The fastest run: what the page costs when the machine is not busy with anything else. */
  shellFrameBestMs: number;
  /** Navigation start -> first contentful paint, as Chromium reports it (median ms). */
  firstContentfulPaintMs: number;
  runs: number;
}

const RUNS = 12;
const SHELL = '.app-shell';

interface Sample {
  shellFrame: number;
  fcp: number;
  startupBytes: number;
  allBytes: number;
}

declare global {
  interface Window {
    __shellFrame?: number;
    __shellInDom?: number;
  }
}

/**
 * Installed before the page's own scripts: notes when the shell enters the DOM and the animation frame
 * that paints it, both on the page's clock, which starts at navigation.
 */
function watchForShell(selector: string): void {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    window.__shellInDom = performance.now();
    requestAnimationFrame(() => (window.__shellFrame = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * A fresh browser context per run (no HTTP cache, no code cache), through the real browser host:
 * navigation -> app shell painted, and the JavaScript it took.
 */
export async function benchUiStartup(): Promise<UiStartupFigures> {
  const map = await startPublicMap();
  const host = await startBrowserHost(map.url);
  const browser = await launchChromium();
  try {
    const samples: Sample[] = [];
    // Two unmeasured runs warm the host's file reads and Chromium's own start.
    for (let run = 0; run < RUNS + 2; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(watchForShell, SHELL);
      await page.goto(host.url);
      await page.waitForFunction(() => window.__shellFrame !== undefined);
      await page.waitForLoadState('networkidle');
      const sample = await page.evaluate((): Sample => {
        // Scripts by their initiator or their name: the bridge, the entry, and chunks loaded by import().
        const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
          (entry) => entry.initiatorType === 'script' || /\.m?js(\?|$)/.test(new URL(entry.name).pathname),
        );
        const inDom = window.__shellInDom ?? Number.NaN;
        // No named helper functions in here: tsx would wrap them in a `__name` the page does not have.
        let startupBytes = 0;
        let allBytes = 0;
        for (const entry of scripts) {
          allBytes += entry.decodedBodySize;
          if (entry.responseEnd <= inDom) startupBytes += entry.decodedBodySize;
        }
        return {
          shellFrame: window.__shellFrame ?? Number.NaN,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
          startupBytes,
          allBytes,
        };
      });
      await context.close();
      if (run >= 2) samples.push(sample);
    }
    const frames = samples.map((sample) => sample.shellFrame);
    return {
      startupJsKb: round(median(samples.map((sample) => sample.startupBytes)) / 1000, 1),
      firstScreenJsKb: round(median(samples.map((sample) => sample.allBytes)) / 1000, 1),
      shellFrameMs: round(median(frames), 1),
      shellFrameP95Ms: round(percentile(frames, 95), 1),
      shellFrameBestMs: round(Math.min(...frames), 1),
      firstContentfulPaintMs: round(median(samples.map((sample) => sample.fcp)), 1),
      runs: samples.length,
    };
  } finally {
    await browser.close();
    await host.stop();
    await map.close();
  }
}
