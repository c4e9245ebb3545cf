import { afterEach, beforeEach } from 'vitest';
import { App } from '../../src/renderer/App';
import { click, fakeLayout, getByRole, getByTestId, mount, type Mounted } from './dom';
import { mainHarness, type MainOptions } from './main-process/main-harness';
import type { LoopbackServers } from './main-process/loopback-servers';
import type { MainProcess } from './main-process/main-process';
import { installModalDialog } from './modal-dialog';

export interface AppHarness {
  /** The real main, fresh for each test. */
  readonly main: MainProcess;
  /** The servers behind the hosts the tests name. */
  readonly servers: LoopbackServers;
  /** Mounts the app, unless it already is. */
  start(): Promise<void>;
  /** Settings > Proxy Platforms > the platform, as a user would. */
  openPlatform(name: string): Promise<void>;
}

/** The whole app against the real main, laid out, mounted and unmounted around each test of the calling file. */
export function appHarness(options: MainOptions = {}): AppHarness {
  const { main, servers } = mainHarness(options);
  let view: Mounted | null = null;
  let restoreLayout: () => void = () => {};
  let restoreDialog: () => void = () => {};
  beforeEach(() => {
    restoreLayout = fakeLayout();
    restoreDialog = installModalDialog();
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
    main,
    servers,
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
