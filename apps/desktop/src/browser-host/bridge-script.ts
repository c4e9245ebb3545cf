/**
 * The script the browser host serves as /switchboard-bridge.js. It gives the
 * page the same `window.switchboard` the Electron preload does, carrying the
 * per-launch token that the host requires on every API call.
 *
 * It is written as plain browser JavaScript in a string because it is served
 * verbatim, before the app's own bundle runs.
 */
export const BRIDGE_SCRIPT = `(() => {
  'use strict';
  const KEY = 'switchboard-token';
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    // The token leaves the address bar (and history) once it is kept for this tab.
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
  }
  const token = sessionStorage.getItem(KEY);
  async function invoke(channel, input) {
    if (!token) throw new Error('This page has no access token. Open the address printed by "pnpm start:browser".');
    const response = await fetch('/api/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-switchboard-token': token },
      body: JSON.stringify({ input }),
      credentials: 'omit',
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || ('The Switchboard host answered HTTP ' + response.status + '.'));
    return body.output;
  }
  Object.defineProperty(window, 'switchboard', { value: Object.freeze({ invoke }), writable: false, configurable: false });
})();
`;
