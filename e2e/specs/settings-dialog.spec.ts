import { expect, test } from '../support/fixtures.js';

// The Settings dialog is a native modal <dialog>: what keeps focus in and the page behind out is the
// browser's own work, so it is checked here, in a real browser, not under happy-dom.
test.describe('the Settings dialog', () => {
  test('is modal: Tab never leaves it, the page behind takes no focus, Escape closes it and focus returns to the opener', async ({ switchboard }) => {
    const { page, settings } = switchboard;
    const opener = page.getByTestId('sidebar-settings-button');
    await opener.focus();
    await opener.press('Enter');
    await expect(settings.dialog).toBeVisible();
    await expect(settings.dialog.getByRole('tab', { name: 'General' })).toBeFocused();
    expect(await settings.dialog.evaluate((dialog) => dialog.matches(':modal'))).toBe(true);

    // Twice round the dialog's controls: focus may rest on the document between rounds, never on the page behind it.
    const stops = await settings.dialog.evaluate((dialog) => dialog.querySelectorAll('button, [tabindex="0"], input, a[href]').length);
    for (let i = 0; i < 2 * stops + 2; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const active = document.activeElement;
        if (active === null || active === document.body) return 'document';
        return active.closest('dialog[open]') ? 'dialog' : `outside: ${active.outerHTML.slice(0, 80)}`;
      });
      expect(['dialog', 'document']).toContain(where);
    }
    const behind = await opener.evaluate((button) => {
      button.focus();
      return document.activeElement === button;
    });
    expect(behind).toBe(false);

    await page.keyboard.press('Escape');
    await expect(settings.dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('Close and a press on the backdrop close it; a press inside does not', async ({ switchboard }) => {
    const { page, settings } = switchboard;
    const opener = page.getByTestId('sidebar-settings-button');
    await opener.click();
    await settings.close();
    await expect(opener).toBeFocused();

    await opener.click();
    await expect(settings.dialog).toBeVisible();
    const box = await settings.dialog.boundingBox();
    if (box === null) throw new Error('The Settings dialog has no box.');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(settings.dialog).toBeVisible();
    await page.mouse.click(Math.max(2, box.x - 10), Math.max(2, box.y - 10));
    await expect(settings.dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});
