import type { Page } from '@playwright/test';
import { generateDeployments, startLiteLLMServer } from '@switchboard/test-servers';
import { median, percentile, round } from './stats.js';
import { launchChromium, startBrowserHost, startPublicMap } from './ui-host.js';

export interface UiCatalogFigures {
  models: number;
  /** Node's own GET /v1/models plus JSON.parse against the same server (median ms). */
  rawFetchMs: number;
  /** Click on Test Connection -> first option in the DOM, in the page (median ms). */
  firstOptionMs: number;
  /** firstOptionMs - rawFetchMs: what Switchboard adds (host, bridge, validation, React). */
  overheadMs: number;
  /** Of firstOptionMs: from the API answer's last byte to the first option (the renderer's share). */
  rendererMs: number;
  /** Click -> the animation frame that paints the first option (median ms): nothing may hold that frame up. */
  firstOptionFrameMs: number;
  /** Keydown -> filtered list committed to the DOM. */
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  /** Keydown -> the next animation frame after that commit (what the user can see). */
  keystrokeFrameP95Ms: number;
  keystrokes: number;
  /** usedJSHeapSize after a full GC, with the list and its metadata loaded. */
  heapMb: number;
}

const KEY = 'sk-master-1234';
const RUNS = 5;
// Varied words, typed one character at a time; the search is cleared between words. No spaces: a trailing
// space is trimmed away and changes nothing on screen, so it would measure nothing.
const WORDS = ['claude', 'gemini', 'gpt4o', 'mistral', 'llama', 'sonnet', 'flash', 'deepseek', 'haiku', 'grok', 'embedding', 'turbo'];

async function rawFetch(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${KEY}` } });
  JSON.parse(await response.text());
  return performance.now() - started;
}

async function openLiteLLM(page: Page, hostUrl: string): Promise<void> {
  await page.goto(hostUrl);
  await page.getByTestId('sidebar-settings-button').click();
  await page.getByRole('tab', { name: 'Proxy Platforms' }).click();
  await page.getByRole('button', { name: 'LiteLLM', exact: true }).click();
}

/**
 * Click -> first option, timed inside the page: the click is dispatched from page script right after
 * performance.now(), and a MutationObserver notes the first [role=option] to enter the DOM. The API
 * call's Resource Timing entry says when its answer finished arriving, which splits host from renderer.
 * A requestAnimationFrame from there notes the frame that paints it.
 */
async function timeFirstOption(page: Page, proxyUrl: string): Promise<{ total: number; renderer: number; frame: number }> {
  await page.getByTestId('litellm-url-input').fill(proxyUrl);
  await page.getByTestId('litellm-api-key-input').fill(KEY);
  const result = await page.evaluate(
    () =>
      new Promise<{ total: number; renderer: number; frame: number }>((resolve, reject) => {
        performance.clearResourceTimings();
        const button = document.querySelector<HTMLButtonElement>('[data-testid="litellm-test-button"]');
        if (!button) return reject(new Error('no Test Connection button'));
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[role="option"]')) return;
          const shown = performance.now();
          observer.disconnect();
          const api = performance.getEntriesByType('resource').find((entry) => entry.name.includes('litellm%3Atest-connection') || entry.name.includes('litellm:test-connection')) as PerformanceResourceTiming | undefined;
          const renderer = api ? shown - api.responseEnd : Number.NaN;
          requestAnimationFrame(() => resolve({ total: shown - started, renderer, frame: performance.now() - started }));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const started = performance.now();
        button.click();
        setTimeout(() => reject(new Error('no option appeared within 60 s')), 60_000);
      }),
  );
  await page.locator('[data-testid="litellm-catalog"][data-details="loaded"]').waitFor({ timeout: 120_000 });
  return result;
}

/**
 * Keystroke -> list updated, timed inside the page: a capturing keydown listener notes performance.now();
 * a MutationObserver on the picker notes the first DOM change after it (React commits the filtered rows
 * synchronously for a discrete input event, so that is the end of the update); a requestAnimationFrame
 * from there notes the frame that paints it. Playwright waits for both before the next key.
 */
export async function timeKeystrokes(page: Page): Promise<{ dom: number[]; frame: number[] }> {
  await page.evaluate(() => {
    const root = document.querySelector('.combobox');
    const input = document.querySelector<HTMLInputElement>('[data-testid="litellm-search-input"]');
    if (!root || !input) throw new Error('no picker');
    const samples: { dom: number[]; frame: number[]; pending: number | null; done: number } = { dom: [], frame: [], pending: null, done: 0 };
    (window as unknown as { __keys: typeof samples }).__keys = samples;
    input.addEventListener('keydown', () => (samples.pending = performance.now()), { capture: true });
    new MutationObserver(() => {
      const started = samples.pending;
      if (started === null) return;
      samples.pending = null;
      samples.dom.push(performance.now() - started);
      requestAnimationFrame(() => {
        samples.frame.push(performance.now() - started);
        samples.done += 1;
      });
    }).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  const search = page.getByTestId('litellm-search-input');
  await search.focus();
  let expected = 0;
  for (const word of WORDS) {
    for (const character of word) {
      await page.keyboard.press(character);
      expected += 1;
      await page.waitForFunction((n) => (window as unknown as { __keys: { done: number } }).__keys.done >= n, expected);
    }
    await search.fill('');
    // Clearing is not measured; let its update land before the next word.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await page.evaluate(() => {
      const keys = (window as unknown as { __keys: { pending: number | null; done: number; dom: number[]; frame: number[] } }).__keys;
      keys.pending = null;
    });
  }
  return page.evaluate(() => {
    const keys = (window as unknown as { __keys: { dom: number[]; frame: number[] } }).__keys;
    return { dom: keys.dom, frame: keys.frame };
  });
}

async function heapMb(page: Page): Promise<number> {
  const used = await page.evaluate(async () => {
    const gc = (window as unknown as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i++) {
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  });
  return used / (1024 * 1024);
}

/** The picker in Chromium through the real browser host, against a LiteLLM test server of `count` models. */
export async function benchUiCatalog(count: number): Promise<UiCatalogFigures> {
  const map = await startPublicMap();
  const proxy = await startLiteLLMServer({ deployments: generateDeployments(count) });
  const host = await startBrowserHost(map.url);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const totals: number[] = [];
    const renderer: number[] = [];
    const frames: number[] = [];
    const raw: number[] = [];
    // One unmeasured run warms the host (public map, JIT) and the proxy's cached bodies.
    for (let run = 0; run <= RUNS; run++) {
      await openLiteLLM(page, host.url);
      const timed = await timeFirstOption(page, proxy.url);
      const fetched = await rawFetch(proxy.url);
      if (run === 0) continue;
      totals.push(timed.total);
      renderer.push(timed.renderer);
      frames.push(timed.frame);
      raw.push(fetched);
    }
    const heap = await heapMb(page);
    const keys = await timeKeystrokes(page);
    const rawFetchMs = median(raw);
    const firstOptionMs = median(totals);
    return {
      models: count,
      rawFetchMs: round(rawFetchMs, 1),
      firstOptionMs: round(firstOptionMs, 1),
      overheadMs: round(firstOptionMs - rawFetchMs, 1),
      rendererMs: round(median(renderer), 1),
      firstOptionFrameMs: round(median(frames), 1),
      keystrokeMedianMs: round(median(keys.dom), 2),
      keystrokeP95Ms: round(percentile(keys.dom, 95), 2),
      keystrokeFrameP95Ms: round(percentile(keys.frame, 95), 2),
      keystrokes: keys.dom.length,
      heapMb: round(heap, 1),
    };
  } finally {
    await browser.close();
    await host.stop();
    await proxy.close();
    await map.close();
  }
}
