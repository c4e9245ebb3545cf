import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultDeployments, startLiteLLMServer, type LiteLLMServerOptions } from '@switchboard/test-servers';
import { PlaygroundPage } from '../pages/playground-page.js';
import { expect, test } from '../support/fixtures.js';

const KEY = 'sk-master-1234';

type Switchboard = Parameters<Parameters<typeof test>[2]>[0]['switchboard'];

/** Connects LiteLLM at `url` with the key, saves `model` as the one in use, and comes back to the Overview. */
async function useLiteLLM(switchboard: Switchboard, url: string, model = 'gpt-4o'): Promise<PlaygroundPage> {
  const { settings } = switchboard;
  await settings.openLiteLLM();
  await settings.connect(url, KEY);
  await expect(settings.status).toContainText('Connected');
  await settings.saveModel(model);
  await settings.close();
  const playground = new PlaygroundPage(switchboard.page);
  await expect(playground.model).toHaveAttribute('data-model-id', model);
  return playground;
}

/** Every distinct text the answer showed while it streamed, recorded in the page as it changed. */
async function watchOutput(playground: PlaygroundPage): Promise<() => Promise<string[]>> {
  await playground.root.evaluate((root) => {
    const seen: string[] = [];
    (window as unknown as { __answers: string[] }).__answers = seen;
    new MutationObserver(() => {
      const output = root.querySelector('[data-testid="playground-output"]');
      if (output?.getAttribute('data-state') !== 'streaming') return;
      const text = output.textContent ?? '';
      if (text !== '' && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => playground.page.evaluate(() => (window as unknown as { __answers: string[] }).__answers);
}

test.describe('the playground', () => {
  test('the answer streams in, visibly before the end, then its metrics; the key is nowhere in the page', async ({ switchboard, litellm }) => {
    litellm.update({ replyTokens: 12, stream: { tokenDelayMs: 120 } });
    const playground = await useLiteLLM(switchboard, litellm.url);
    const answers = await watchOutput(playground);
    await playground.system.fill('Answer briefly.');
    await playground.ask('Say hello');
    await expect(playground.output).toHaveAttribute('data-state', 'streaming');
    await expect(playground.cancel).toHaveAttribute('aria-disabled', 'false');
    await playground.waitForEnd();
    await expect(playground.output).toHaveAttribute('data-state', 'done');
    // Several frames showed a growing answer before the end: it streamed, not arrived whole.
    const seen = await answers();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((text, index) => index === 0 || text.startsWith(seen[index - 1] ?? ''))).toBe(true);

    await expect(playground.metric('first-token')).toHaveText(/^\d+(\.\d+)? (ms|s)$/);
    await expect(playground.metric('tokens-per-second')).toHaveText(/^\d+\.\d$/);
    await expect(playground.metric('completion-tokens')).toHaveText('12');
    await expect(playground.metric('answered-by')).toHaveText('gpt-4o');
    await expect(playground.metric('finish-reason')).toHaveText('stop');
    // What the request sent, redacted: the curl carries no key.
    await expect(playground.curl).toContainText('chat/completions');
    const request = litellm.requests.find((entry) => entry.path.includes('chat/completions'));
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(await switchboard.page.locator('body').innerText()).not.toContain(KEY);
    expect(await switchboard.page.content()).not.toContain(KEY);

    // Copy as curl puts the same request on the clipboard, the key redacted there too.
    await switchboard.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await playground.copyCurl.click();
    await expect(switchboard.page.getByTestId('playground-copy-curl-status')).toHaveText('Copied');
    const copied = await switchboard.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^curl /);
    expect(copied).toContain('Say hello');
    expect(copied).not.toContain(KEY);
  });

  test('a reasoning model: its reasoning apart and collapsed, reasoning effort offered, a parameter it does not take said to be left out', async ({
    switchboard,
    litellm,
  }) => {
    litellm.update({ deployments: [...defaultDeployments(), { model_name: 'o3-mini', litellm_params: { model: 'openai/o3-mini' } }], reasoningReply: 'Thinking it over.' });
    const playground = await useLiteLLM(switchboard, litellm.url, 'o3-mini');
    await expect(playground.reasoningEffort).toBeVisible();
    await playground.reasoningEffort.selectOption('high');
    await playground.temperature.fill('0.5');
    await playground.ask('Why is the sky blue?');
    await playground.waitForEnd();
    await expect(playground.output).toHaveAttribute('data-state', 'done');
    await expect(playground.reasoning).not.toHaveAttribute('open');
    await expect(playground.reasoning.locator('summary')).toHaveText('Reasoning');
    await expect(playground.reasoning).toContainText('Thinking it over.');
    await expect(playground.output).not.toContainText('Thinking it over.');
    await expect(playground.leftOut).toContainText('temperature');
    const body = JSON.parse(litellm.requests.find((entry) => entry.path.includes('chat/completions'))?.body ?? '{}') as Record<string, unknown>;
    expect(body.reasoning_effort).toBe('high');
    expect(body).not.toHaveProperty('temperature');
  });

  test("LiteLLM's call id comes from its headers; a non-streamed answer arrives whole", async ({ switchboard }) => {
    const proxy = await startLiteLLMServer({ version: '1.81.0' });
    try {
      const playground = await useLiteLLM(switchboard, proxy.url);
      await playground.streamSwitch.uncheck();
      await playground.ask('Say hello');
      await playground.waitForEnd();
      await expect(playground.output).toHaveText('Hi from upstream');
      await expect(playground.metric('call-id')).toHaveText(/^[0-9a-f-]{36}$/);
      await expect(playground.metric('answered-by')).toHaveText('gpt-4o');
      const sent = JSON.parse(proxy.requests.find((entry) => entry.path.includes('chat/completions'))?.body ?? '{}') as { stream?: boolean };
      expect(sent.stream).not.toBe(true);
    } finally {
      await proxy.close();
    }
  });

  test('Stop closes the upstream connection and keeps the partial answer, marked stopped', async ({ switchboard, litellm }) => {
    litellm.update({ replyTokens: 200, stream: { tokenDelayMs: 100 } });
    const playground = await useLiteLLM(switchboard, litellm.url);
    await playground.ask('Tell a long story');
    await expect(playground.output).not.toBeEmpty();
    await playground.cancel.click();
    await expect(playground.output).toHaveAttribute('data-state', 'stopped');
    await expect(playground.ending).toHaveAttribute('data-state', 'stopped');
    const partial = await playground.output.innerText();
    expect(partial.length).toBeGreaterThan(0);
    await expect.poll(() => litellm.abortedStreams).toBe(1);
    await expect(playground.prompt).toHaveValue('Tell a long story');
  });

  test('the prompt and parameters are kept per model across a restart; the answer is not', async ({ switchboard, litellm }) => {
    const playground = await useLiteLLM(switchboard, litellm.url);
    await playground.prompt.fill('Kept prompt');
    await playground.system.fill('Kept system');
    await playground.temperature.fill('0.3');
    await playground.prompt.press('Control+Enter');
    await playground.waitForEnd();
    // The draft is kept a moment after typing stops.
    await switchboard.page.waitForTimeout(800);
    await switchboard.restart();
    const again = new PlaygroundPage(switchboard.page);
    await expect(again.prompt).toHaveValue('Kept prompt');
    await expect(again.system).toHaveValue('Kept system');
    await expect(again.temperature).toHaveValue('0.3');
    await expect(again.output).toHaveCount(0);
  });

  test('JSON schema: checked before sending with where it is wrong, then sent as a response format', async ({ switchboard, litellm }) => {
    const playground = await useLiteLLM(switchboard, litellm.url);
    await playground.responseFormat.selectOption({ label: 'JSON schema' });
    await playground.schema.fill('{ "type": "object", }');
    await expect(playground.schemaProblem).toContainText('not valid JSON at line 1, column');
    await playground.ask('Answer in JSON');
    await expect(playground.send).toHaveAttribute('aria-disabled', 'true');
    expect(litellm.requests.filter((entry) => entry.path.includes('chat/completions'))).toHaveLength(0);
    await playground.schema.fill('{ "type": "object", "properties": { "answer": { "type": "string" } } }');
    await expect(playground.schemaProblem).toHaveCount(0);
    await playground.send.click();
    await playground.waitForEnd();
    const body = JSON.parse(litellm.requests.find((entry) => entry.path.includes('chat/completions'))?.body ?? '{}') as { response_format?: { type: string } };
    expect(body.response_format?.type).toBe('json_schema');
  });
});

interface ErrorCase {
  name: string;
  /** The proxy as the case needs it, set after the model is saved. */
  proxy: LiteLLMServerOptions;
  model?: string;
  /** What `playground-error` (or, for a cut-off stream, the ending note) must say. */
  sentence: RegExp;
  /** Deadlines of a minute or half a minute are waited out for real. */
  /** Wait 2 s for the first byte and between chunks, as set in the settings file. */
  deadlines?: boolean;
  cutOff?: boolean;
}

/** Sets the playground's deadlines in the settings file, as a person would by hand, and restarts the app to read it. */
async function shortDeadlines(switchboard: Switchboard): Promise<void> {
  const file = join(switchboard.userDataDir, 'settings.json');
  const settings = JSON.parse(await readFile(file, 'utf8').catch(() => '{"schemaVersion":3}')) as { playground?: object };
  settings.playground = { ...settings.playground, firstByteTimeoutMs: 2_000, stallTimeoutMs: 2_000 };
  await writeFile(file, JSON.stringify(settings));
  await switchboard.restart();
}

const ERRORS: ErrorCase[] = [
  { name: 'a model the proxy does not know', proxy: { deployments: [] }, sentence: /does not offer the model "gpt-4o" \(HTTP 400\).*Refresh the model list and pick a model it offers\.$/ },
  { name: 'a refused key', proxy: { masterKey: 'sk-another-master' }, sentence: /refused the API key/ },
  {
    name: 'a dead upstream (a JSON error where a stream was asked for)',
    proxy: { deadUpstreamDelayMs: 300 },
    model: 'local-llama',
    sentence: /could not get an answer from "local-llama" \(HTTP 500\).*try another model\.$/,
  },
  { name: 'an error event inside the stream', proxy: { upstreamDiesMidstream: 'httpx' }, sentence: /stopped the answer with an error: .*What came before is shown/ },
  // The deadlines are the settings file's (60 s and 30 s by default), set short here as a person waiting on a slow proxy would set them long.
  { name: 'no first byte within the deadline', proxy: { hangModels: ['gpt-4o'] }, deadlines: true, sentence: /sent nothing within 2 s\./ },
  { name: 'a stall between chunks', proxy: { stream: { stallAfterChunks: 1 } }, deadlines: true, sentence: /stopped sending for 2 s in the middle of the answer/ },
  { name: 'a stream cut off before [DONE]', proxy: { stream: { dropAfterChunks: 2 } }, sentence: /^Cut off: /, cutOff: true },
];

test.describe('playground errors, each a sentence; nothing typed is lost', () => {
  for (const entry of ERRORS) {
    test(entry.name, async ({ switchboard, litellm }) => {
      if (entry.deadlines) await shortDeadlines(switchboard);
      const playground = await useLiteLLM(switchboard, litellm.url, entry.model);
      litellm.update(entry.proxy);
      await playground.system.fill('System kept');
      await playground.ask('Prompt kept');
      await expect(playground.output).not.toHaveAttribute('data-state', 'streaming', { timeout: 20_000 });
      if (entry.cutOff) {
        await expect(playground.ending).toHaveAttribute('data-state', 'cut-off');
        await expect(playground.ending).toHaveText(entry.sentence);
      } else {
        await expect(playground.error).toHaveText(entry.sentence);
        const sentence = await playground.error.innerText();
        expect(sentence.trim()).toMatch(/[.!?]$/);
        expect(sentence).not.toContain(KEY);
      }
      await expect(playground.prompt).toHaveValue('Prompt kept');
      await expect(playground.system).toHaveValue('System kept');
    });
  }
});
