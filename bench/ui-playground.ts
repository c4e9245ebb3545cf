import type { Page } from '@playwright/test';
import { DEFAULT_MASTER_KEY, generateDeployments, startLiteLLMServer, type LiteLLMServer } from '@switchboard/test-servers';
import { startKeyringHost } from './keyring-host.js';
import { median, percentile, round } from './stats.js';
import { timeKeystrokes } from './ui-catalog.js';
import { launchChromium, startPublicMap } from './ui-host.js';

export interface UiPlaygroundFigures {
  /** Tokens in the streamed answer, and the proxy's pause between two of them. */
  tokens: number;
  tokenDelayMs: number;
  /** The first token's bytes arriving in the page -> that token in playground-output (median, p95 ms): the page's share. */
  wireToScreenMs: number;
  wireToScreenP95Ms: number;
  /** Node's own streamed request to the proxy: request -> first token read and parsed (median ms). */
  rawFirstTokenMs: number;
  /** Send pressed -> first token in playground-output, in the page (median ms). */
  firstTokenDomMs: number;
  /** Send pressed -> the next animation frame after it (median ms); one frame late when the commit itself ran in a frame. */
  firstTokenFrameMs: number;
  /** firstTokenDomMs - rawFirstTokenMs, run by run: all Switchboard adds from Send to the first token (host, keychain, core, bridge, React) (median, p95). */
  firstTokenOverheadMs: number;
  firstTokenOverheadP95Ms: number;
  /** Main-thread long tasks (over 50 ms) while a whole answer streams in, and the longest. */
  longTasks: number;
  longestTaskMs: number;
  /** Times playground-output changed during that answer: it streams visibly, a frame at a time. */
  outputUpdates: number;
  streamMs: number;
  /** Search keystrokes in the Settings picker (2,000 models) while an answer streams. */
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  keystrokeFrameP95Ms: number;
  keystrokes: number;
  /** Whether the answer was still streaming when the last keystroke landed (else the figure is not "while streaming"). */
  streamingThroughKeys: boolean;
  runs: number;
}

const RUNS = 10;
const TOKENS = 2_000;
const TOKEN_DELAY_MS = 5;
const MODELS = 2_000;
const PROMPT = 'Tell me a long story.';

declare global {
  interface Window {
    __longTasks?: number[];
    __outputUpdates?: number;
    /** When the stream's bytes carrying its first delta reached the page (performance.now()). */
    __firstDeltaOnWire?: number;
  }
}

/** Node's own streamed chat request to the proxy: request -> the first chunk that carries answer text. */
async function rawFirstToken(proxyUrl: string, model: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEFAULT_MASTER_KEY}` },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: PROMPT }] }),
  });
  if (!response.body) throw new Error('The proxy answered without a body.');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('The proxy ended its stream without a token.');
    text += decoder.decode(value, { stream: true });
    for (const line of text.split('\n')) {
      if (!line.startsWith('data: {')) continue;
      const chunk = JSON.parse(line.slice(6)) as { choices?: Array<{ delta?: { content?: string } }> };
      if (chunk.choices?.[0]?.delta?.content) {
        const elapsed = performance.now() - started;
        await reader.cancel();
        return elapsed;
      }
    }
  }
}

/**
 * Send -> first token, timed inside the page: the click is dispatched from page script right after
 * performance.now(); a MutationObserver waits for the new run's empty output (React commits it in the
 * click's own task), then for its first text; a requestAnimationFrame from there notes the frame that
 * paints it.
 */
function timeFirstToken(page: Page): Promise<{ dom: number; frame: number; wire: number }> {
  return page.evaluate(
    () =>
      new Promise<{ dom: number; frame: number; wire: number }>((resolve, reject) => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="playground-send"]');
        if (!button) return reject(new Error('no Send button'));
        let reset = false;
        const observer = new MutationObserver(() => {
          const output = document.querySelector('[data-testid="playground-output"]');
          if (!output || output.getAttribute('data-state') !== 'streaming') return;
          if ((output.textContent ?? '') === '') {
            reset = true;
            return;
          }
          if (!reset) return;
          const shown = performance.now();
          observer.disconnect();
          const wire = shown - (window.__firstDeltaOnWire ?? Number.NaN);
          requestAnimationFrame(() => resolve({ dom: shown - started, frame: performance.now() - started, wire }));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        const started = performance.now();
        button.click();
        setTimeout(() => reject(new Error('no token appeared within 30 s')), 30_000);
      }),
  );
}

/**
 * Installed before the bridge script: the stream's fetch body passes through a TransformStream that
 * notes when the bytes of the first delta event arrive, before the bridge reads them. That is the
 * first token's first byte on the wire, as the page sees it.
 */
function watchStreamWire(): void {
  const original = window.fetch.bind(window);
  window.fetch = async (resource, init) => {
    if (!String(resource).includes('/api/stream/')) return original(resource, init);
    window.__firstDeltaOnWire = undefined;
    const response = await original(resource, init);
    if (!response.body) return response;
    const decoder = new TextDecoder();
    const watched = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (window.__firstDeltaOnWire === undefined && decoder.decode(chunk, { stream: true }).includes('"type":"delta"')) {
            window.__firstDeltaOnWire = performance.now();
          }
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(watched, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

const outputIn = (page: Page, state: string) => page.locator(`[data-testid="playground-output"][data-state="${state}"]`);

async function stop(page: Page): Promise<void> {
  await page.getByTestId('playground-cancel').click();
  await outputIn(page, 'stopped').waitFor();
}

/** A whole answer streamed in, watched for long tasks and for how often the output changed. */
async function streamWatched(page: Page): Promise<{ longTasks: number[]; updates: number; ms: number }> {
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__outputUpdates = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push(entry.duration);
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="playground-output"][data-state="streaming"]')) window.__outputUpdates = (window.__outputUpdates ?? 0) + 1;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const started = Date.now();
  await page.getByTestId('playground-send').click();
  await outputIn(page, 'done').waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  const { longTasks, updates } = await page.evaluate(() => ({ longTasks: window.__longTasks ?? [], updates: window.__outputUpdates ?? 0 }));
  return { longTasks, updates, ms };
}

/** Settings › Proxy Platforms › LiteLLM over the Overview, which keeps streaming underneath. */
async function openSettingsPicker(page: Page): Promise<void> {
  await page.getByTestId('sidebar-settings-button').click();
  await page.getByRole('tab', { name: 'Proxy Platforms' }).click();
  await page.getByRole('button', { name: 'LiteLLM', exact: true }).click();
  await page.locator('[data-testid="litellm-catalog"][data-details="loaded"]').waitFor({ timeout: 120_000 });
  await page.getByTestId('litellm-search-input').waitFor();
}

async function readyToSend(page: Page, hostUrl: string): Promise<void> {
  await page.addInitScript(watchStreamWire);
  await page.goto(hostUrl);
  await page.getByTestId('playground-prompt').fill(PROMPT);
  await page.locator('[data-testid="playground-send"][aria-disabled="false"]').waitFor({ timeout: 30_000 });
}

function pace(proxy: LiteLLMServer, tokenDelayMs: number): void {
  proxy.update({ stream: { tokenDelayMs }, replyTokens: TOKENS });
}

/**
 * The playground in Chromium through the built browser host (its keychain a throwaway one), against a
 * LiteLLM test server of 2,000 models streaming 2,000 tokens at a steady rate.
 */
export async function benchUiPlayground(): Promise<UiPlaygroundFigures> {
  const map = await startPublicMap();
  const deployments = generateDeployments(MODELS);
  const model = deployments[0]?.model_name ?? 'gpt-4o';
  const proxy = await startLiteLLMServer({ deployments });
  const host = await startKeyringHost(map.url);
  const browser = await launchChromium();
  try {
    await host.call('litellm:set-config', { url: proxy.url, key: { mode: 'provided', value: DEFAULT_MASTER_KEY }, selectedModel: model });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await readyToSend(page, host.url);
    pace(proxy, TOKEN_DELAY_MS);

    const dom: number[] = [];
    const frames: number[] = [];
    const raw: number[] = [];
    const overhead: number[] = [];
    const wire: number[] = [];
    // One unmeasured run warms the host (the model's capabilities, the keychain, JIT) and the page.
    for (let run = 0; run <= RUNS; run++) {
      const timed = await timeFirstToken(page);
      await stop(page);
      const fetched = await rawFirstToken(proxy.url, model);
      if (run === 0) continue;
      dom.push(timed.dom);
      frames.push(timed.frame);
      raw.push(fetched);
      wire.push(timed.wire);
      overhead.push(timed.dom - fetched);
    }

    const watched = await streamWatched(page);

    // Slower tokens, so the answer outlasts opening Settings and typing every word.
    pace(proxy, TOKEN_DELAY_MS * 4);
    await page.getByTestId('playground-send').click();
    await page.locator('[data-testid="playground-output"][data-state="streaming"]:not(:empty)').waitFor();
    await openSettingsPicker(page);
    const keys = await timeKeystrokes(page);
    const streamingThroughKeys = (await outputIn(page, 'streaming').count()) === 1;

    return {
      tokens: TOKENS,
      tokenDelayMs: TOKEN_DELAY_MS,
      wireToScreenMs: round(median(wire), 1),
      wireToScreenP95Ms: round(percentile(wire, 95), 1),
      rawFirstTokenMs: round(median(raw), 1),
      firstTokenDomMs: round(median(dom), 1),
      firstTokenFrameMs: round(median(frames), 1),
      firstTokenOverheadMs: round(median(overhead), 1),
      firstTokenOverheadP95Ms: round(percentile(overhead, 95), 1),
      longTasks: watched.longTasks.length,
      longestTaskMs: round(Math.max(0, ...watched.longTasks), 1),
      outputUpdates: watched.updates,
      streamMs: watched.ms,
      keystrokeMedianMs: round(median(keys.dom), 2),
      keystrokeP95Ms: round(percentile(keys.dom, 95), 2),
      keystrokeFrameP95Ms: round(percentile(keys.frame, 95), 2),
      keystrokes: keys.dom.length,
      streamingThroughKeys,
      runs: RUNS,
    };
  } finally {
    await browser.close();
    await host.stop();
    await proxy.close();
    await map.close();
  }
}
