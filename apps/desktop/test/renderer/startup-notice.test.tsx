// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { appHarness } from './app-harness';
import { byTestId, click, getByRole } from './dom';

const harness = appHarness();
const keptAside = {
  kind: 'settings-kept-aside' as const,
  message:
    'Switchboard could not read its settings file /home/ada/.config/Switchboard/settings.json: it is not valid JSON. It kept the file as /home/ada/.config/Switchboard/settings.json.invalid-1761200000000 and started with empty settings.',
};

describe('the startup notice', () => {
  test('names the kept copy of an unreadable settings file, at the top of the window, as an alert', async () => {
    await harness.main.reopen({ notices: [keptAside] });
    await harness.start();
    const notice = getByRole(document.body, 'alert');
    expect(notice.dataset.testid).toBe('startup-notice');
    expect(notice.textContent).toContain('Your settings file could not be read');
    expect(notice.textContent).toContain('/home/ada/.config/Switchboard/settings.json.invalid-1761200000000');
    // Above the header: the first thing in the main column.
    expect(document.querySelector('.app-main')?.firstElementChild?.contains(notice)).toBe(true);
  });

  test('goes away when dismissed, and leaves the other notices', async () => {
    await harness.main.reopen({ notices: [keptAside, { kind: 'settings-repaired', message: 'Part of the settings file was dropped: the connection "custom:lab".' }] });
    await harness.start();
    expect(document.querySelectorAll('[data-testid="startup-notice"]')).toHaveLength(2);
    await click(byTestId(document.body, 'startup-notice-dismiss'));
    const left = [...document.querySelectorAll('[data-testid="startup-notice"]')];
    expect(left.map((notice) => notice.getAttribute('data-kind'))).toEqual(['settings-repaired']);
  });

  test('is not there when main cannot answer', async () => {
    harness.main.reject('app:get-notices', 'main went away');
    await harness.start();
    expect(byTestId(document.body, 'startup-notice')).toBeNull();
    expect(harness.main.callsTo('app:get-notices')).toHaveLength(1);
  });
});
