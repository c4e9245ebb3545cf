import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
  const watch = (page: typeof switchboard.page) =>
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) void response.text().then((text) => answers.push(text));
    });
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

    await switchboard.restart();
    watch(switchboard.page);
    await switchboard.settings.openLiteLLM();
    await expect(switchboard.settings.model('gpt-4o')).toBeVisible();

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
