import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request } from '@playwright/test';
import { startLiteLLMServer } from '@switchboard/test-servers';
import { expect, test } from '../support/fixtures.js';
import { keychainEntry } from '../support/keychain.js';

const KEY = 'sk-leakcheck-7f3a9c2e5b1d';

async function everyFileUnder(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true });
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8').catch(() => '')));
  return contents.join('\n');
}

test('the key goes to the proxy and the keychain, and nowhere else', async ({ switchboard }) => {
  const proxy = await startLiteLLMServer({ virtualKeys: [KEY] });
  const refusing = await startLiteLLMServer({ failure: 'server-error' });
  const answers: string[] = [];
  const reading = new Set<Promise<void>>();
  // Requests are objects: one started before the watch began (the page's first calls) is simply never counted.
  const inFlight = new Set<Request>();
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/');
  const watch = (page: typeof switchboard.page) => {
    page.on('request', (request) => void (isApi(request) && inFlight.add(request)));
    page.on('requestfailed', (request) => void inFlight.delete(request));
    page.on('requestfinished', (request) => {
      if (!isApi(request)) return;
      const read = request
        .response()
        .then((response) => response?.text())
        .then((text) => void (text !== undefined && answers.push(text)))
        .finally(() => {
          inFlight.delete(request);
          reading.delete(read);
        });
      reading.add(read);
    });
  };
  /** Every answer the page asked for is read before the page goes: one still arriving at a restart cannot be read after. */
  const allAnswersRead = async () => {
    await expect.poll(() => inFlight.size).toBe(0);
    await Promise.all(reading);
  };
  watch(switchboard.page);
  try {
    const { settings } = switchboard;
    await settings.openLiteLLM();
    // A failure first: its sentence must not quote the key either.
    await settings.connect(refusing.url, KEY);
    await expect(settings.status).toHaveAttribute('data-kind', 'server-error');
    await expect(settings.status).not.toContainText(KEY);

    await settings.connect(proxy.url, KEY);
    await expect(settings.status).toContainText('Connected');
    await settings.chooseModel('gpt-4o');
    await settings.saveButton.click();
    await expect(settings.dialog.getByText('Saved')).toBeVisible();

    await allAnswersRead();
    await switchboard.restart();
    watch(switchboard.page);
    await switchboard.settings.openLiteLLM();
    await expect(switchboard.settings.model('gpt-4o')).toBeVisible();
    await allAnswersRead();

    expect(proxy.requests.some((request) => request.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(keychainEntry('litellm')).toBe(KEY);
    expect(answers.length).toBeGreaterThan(3);
    expect(answers.filter((answer) => answer.includes(KEY))).toEqual([]);
    expect(switchboard.output()).not.toContain(KEY);
    expect(await switchboard.page.locator('body').innerText()).not.toContain(KEY);
    expect(await everyFileUnder(switchboard.userDataDir)).not.toContain(KEY);
  } finally {
    await proxy.close();
    await refusing.close();
  }
});
