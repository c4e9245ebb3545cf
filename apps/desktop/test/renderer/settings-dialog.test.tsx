// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { App } from '../../src/renderer/App';
import { click, fakeLayout, getByRole, getByTestId, mount, press, type Mounted } from './dom';
import { FakeSwitchboard, installFake } from './fake-bridge';

let fake: FakeSwitchboard;
let view: Mounted;
let restoreLayout: () => void;

beforeEach(async () => {
  restoreLayout = fakeLayout();
  fake = new FakeSwitchboard();
  installFake(fake);
  view = await mount(<App />);
});
afterEach(async () => {
  await view.unmount();
  restoreLayout();
});

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');

describe('Settings dialog', () => {
  test('the header says no model is chosen', () => {
    expect(getByTestId(view.container, 'current-model').textContent).toBe('No model chosen');
  });

  test('opens as a labelled modal with tabs, and focus moves into it', async () => {
    const opener = getByTestId(view.container, 'sidebar-settings-button');
    opener.focus();
    await click(opener);
    const modal = dialog();
    expect(modal?.getAttribute('aria-modal')).toBe('true');
    const labelId = modal?.getAttribute('aria-labelledby') ?? '';
    expect(document.getElementById(labelId)?.textContent).toBe('Settings');
    const tabs = [...modal!.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);
    expect(tabs).toEqual(['General', 'Proxy Platforms', 'opencode']);
    expect(modal!.contains(document.activeElement)).toBe(true);
    expect(view.container.querySelector('.app-shell')?.hasAttribute('inert')).toBe(true);
  });

  test('arrow keys move between tabs and show the matching panel', async () => {
    await click(getByTestId(view.container, 'sidebar-settings-button'));
    const general = getByRole(dialog()!, 'tab', 'General');
    const proxies = getByRole(dialog()!, 'tab', 'Proxy Platforms');
    await press(general, 'ArrowDown');
    expect(proxies.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(proxies);
    const panel = document.getElementById(proxies.getAttribute('aria-controls') ?? '');
    expect(panel?.getAttribute('role')).toBe('tabpanel');
    expect(panel?.hidden).toBe(false);
    expect(panel?.textContent).toContain('LiteLLM');
    await press(proxies, 'ArrowUp');
    expect(general.getAttribute('aria-selected')).toBe('true');
    expect(panel?.hidden).toBe(true);
  });

  test('Escape closes it and focus returns to the Settings button', async () => {
    const opener = getByTestId(view.container, 'sidebar-settings-button');
    opener.focus();
    await click(opener);
    await press(document.activeElement, 'Escape');
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  test('the Close button closes it too', async () => {
    await click(getByTestId(view.container, 'sidebar-settings-button'));
    await click(getByRole(dialog()!, 'button', 'Close'));
    expect(dialog()).toBeNull();
  });

  test('Tab from the last control wraps to the first (focus stays in the dialog)', async () => {
    await click(getByTestId(view.container, 'sidebar-settings-button'));
    const focusables = [...dialog()!.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]')].filter(
      (element) => !element.closest('[hidden]'),
    );
    const last = focusables[focusables.length - 1]!;
    last.focus();
    const event = await press(last, 'Tab');
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(getByRole(dialog()!, 'button', 'Close'));
  });
});
