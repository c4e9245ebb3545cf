import { isAppUrl } from './app-url.js';

interface FrameLike {
  readonly url: string;
}

/** The parts of Electron's IpcMainInvokeEvent (and IpcMainEvent) the check reads. */
export interface SenderEvent {
  readonly sender: { readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

/**
 * True only for the top frame of the app's own window showing the app's own
 * page: not another webContents, not an iframe, not a page the window was
 * somehow navigated to.
 */
export function isTrustedSender(event: SenderEvent, window: { readonly webContents: unknown }, appUrl: string): boolean {
  try {
    if (event.sender !== window.webContents) return false;
    const frame = event.senderFrame;
    if (frame === null || frame !== event.sender.mainFrame) return false;
    return isAppUrl(frame.url, appUrl);
  } catch {
    // A window or frame torn down mid-request throws on access: refuse rather than guess.
    return false;
  }
}

/** Where a message came from, for the log line of a refusal. */
export function senderUrl(event: SenderEvent): string {
  try {
    return event.senderFrame?.url ?? 'an unknown frame';
  } catch {
    return 'a frame that is gone';
  }
}
