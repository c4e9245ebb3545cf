import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures.js';

const TRUNCATED = '{"schemaVersion":1,"platforms":{"litellm":{"url":"http://pro';

test.describe('a settings file that cannot be read', () => {
  test('is kept beside it, and the app says so in the window and in its output, naming the copy', async ({ switchboard, host }) => {
    const settingsFile = join(switchboard.userDataDir, 'settings.json');
    await writeFile(settingsFile, TRUNCATED);
    await switchboard.restart();

    const notice = switchboard.page.getByTestId('startup-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'alert');
    const kept = (await readdir(switchboard.userDataDir)).filter((name) => name.startsWith('settings.json.invalid-'));
    expect(kept).toHaveLength(1);
    const keptPath = join(switchboard.userDataDir, kept[0] ?? '');
    expect(await readFile(keptPath, 'utf8')).toBe(TRUNCATED);
    await expect(notice).toContainText(keptPath);
    if (host === 'browser') expect(switchboard.output()).toContain(`Notice: Switchboard could not read its settings file ${settingsFile}`);

    // The app works on: dismissed, the notice is gone, and the next start (on the fresh file) is quiet.
    await switchboard.page.getByTestId('startup-notice-dismiss').click();
    await expect(notice).toHaveCount(0);
    await switchboard.settings.openLiteLLM();
    await switchboard.restart();
    await expect(switchboard.page.getByTestId('current-model')).toBeVisible();
    await expect(switchboard.page.getByTestId('startup-notice')).toHaveCount(0);
  });
});
