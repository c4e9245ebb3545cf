import type { WebContents } from 'electron';
import { isAppUrl, isWebUrl } from './app-url.js';

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Keeps the window on the app's own page: no new windows (web links go to the
 * system browser instead), and no navigation or redirect anywhere else, since
 * a foreign page in this window would inherit the preload's bridge.
 */
export function guardNavigation(
  contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>,
  appUrl: string,
  openExternal: OpenExternal,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Only web links: file:, javascript: or custom schemes handed to the OS could run programs.
    if (isWebUrl(url)) openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
}
