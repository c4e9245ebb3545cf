import { afterEach, beforeEach } from 'vitest';
import { App } from '../../src/renderer/App';
import { click, fakeLayout, getByRole, getByTestId, mount, type Mounted } from './dom';
import { FakeSwitchboard, installFake } from './fake-bridge';
import { installModalDialog } from './modal-dialog';

export interface AppHarness {
  /** A fresh fake main for each test. */
  readonly fake: FakeSwitchboard;
  /** Mounts the app, unless it already is. */
  start(): Promise<void>;
  /** Settings > Proxy Platforms > the platform, as a user would. */
  openPlatform(name: string): Promise<void>;
}

/** The whole app against the fake, laid out, mounted and unmounted around each test of the calling file. */
export function appHarness(): AppHarness {
  let fake = new FakeSwitchboard();
  let view: Mounted | null = null;
  let restoreLayout: () => void = () => {};
  let restoreDialog: () => void = () => {};
  beforeEach(() => {
    restoreLayout = fakeLayout();
    restoreDialog = installModalDialog();
    fake = new FakeSwitchboard();
    installFake(fake);
  });
  afterEach(async () => {
    await view?.unmount();
    view = null;
    restoreLayout();
    restoreDialog();
  });
  const start = async () => {
    view ??= await mount(<App />);
  };
  return {
    get fake() {
      return fake;
    },
    start,
    async openPlatform(name) {
      await start();
      await click(getByTestId(document.body, 'sidebar-settings-button'));
      await click(getByRole(document.body, 'tab', 'Proxy Platforms'));
      const button = getByRole(document.body, 'button', name);
      if (button.getAttribute('aria-pressed') !== 'true') await click(button);
    },
  };
}
