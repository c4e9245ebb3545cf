import type { SwitchboardBridge } from '@switchboard/shared';
import { BRIDGE_SCRIPT } from '../../src/browser-host/bridge-script.js';

/**
 * The bridge script the host serves, run as the page runs it, with Node's
 * fetch (its ReadableStream included) aimed at the host: what the script
 * does with the host's answers is tested without a browser. Only the
 * page's globals are stood in for (the address with the token, the tab's
 * storage, history); relative fetches go to `origin`.
 */
export function bridgeInNode(origin: string, token: string | null): SwitchboardBridge {
  const page: { switchboard?: SwitchboardBridge } = {};
  const stored = new Map<string, string>();
  const location = { search: token === null ? '' : `?token=${token}`, pathname: '/', hash: '' };
  const sessionStorage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  };
  const history = { replaceState: () => undefined };
  const pageFetch = (path: string, init: RequestInit) => fetch(new URL(path, origin), init);
  new Function('window', 'location', 'sessionStorage', 'history', 'fetch', BRIDGE_SCRIPT)(page, location, sessionStorage, history, pageFetch);
  if (!page.switchboard) throw new Error('The bridge script did not define window.switchboard.');
  return page.switchboard;
}

/** One stream through a bridge, collected: its events in order and how it ended. */
export function collectStream(bridge: SwitchboardBridge, channel: string, input: unknown) {
  const events: unknown[] = [];
  let settle: (end: string | null) => void = () => undefined;
  const ended = new Promise<string | null>((resolve) => (settle = resolve));
  const handle = (bridge.stream as (...args: unknown[]) => { cancel(): void })(
    channel,
    input,
    (event: unknown) => events.push(event),
    (error: string | null) => settle(error),
  );
  return { events, ended, handle };
}
