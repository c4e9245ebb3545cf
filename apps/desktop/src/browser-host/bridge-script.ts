/**
 * The script the browser host serves as /switchboard-bridge.js. It gives the
 * page the same `window.switchboard` the Electron preload does, carrying the
 * per-launch token that the host requires on every API call. `stream` reads
 * the host's NDJSON response with fetch's ReadableStream; `cancel` aborts the
 * fetch, which the host sees as the reader going away.
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
  // One event is at most a megabyte of JSON (the host's limit); a longer line is not the host speaking.
  const MAX_LINE = 2 * 1024 * 1024;
  const refusal = (sentence) => ({ sentence });
  async function readLines(channel, input, signal, onLine) {
    if (!token) throw refusal('This page has no access token. Open the address printed by "pnpm start:browser".');
    const response = await fetch('/api/stream/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-switchboard-token': token },
      body: JSON.stringify({ input }),
      credentials: 'omit',
      signal,
    });
    if (!response.ok || !response.body) {
      const body = await response.json().catch(() => ({}));
      throw refusal(body.error || ('The Switchboard host answered HTTP ' + response.status + '.'));
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let partial = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const lines = (partial + value).split('\\n');
      partial = lines.pop();
      for (const line of lines) if (line !== '') onLine(line);
      if (partial.length > MAX_LINE) throw refusal('The Switchboard host sent a stream line longer than ' + MAX_LINE + ' characters.');
    }
    if (partial !== '') throw refusal('The stream from the Switchboard host ended in the middle of an event.');
  }
  // Events are handed on as sent, one JSON line each; the page checks them against the contract.
  function stream(channel, input, onEvent, onEnd) {
    if (typeof onEvent !== 'function' || typeof onEnd !== 'function') {
      throw new TypeError('window.switchboard.stream needs an onEvent and an onEnd function.');
    }
    const controller = new AbortController();
    let ended = false;
    const end = (error) => {
      if (ended) return;
      ended = true;
      onEnd(error);
    };
    readLines(String(channel), input, controller.signal, (line) => {
      if (ended) return;
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        throw refusal('The Switchboard host sent a stream line that is not JSON.');
      }
      onEvent(event);
    }).then(
      () => end(null),
      (error) => {
        if (ended) return;
        controller.abort();
        const sentence = error && typeof error.sentence === 'string' ? error.sentence : null;
        const reason = error instanceof Error && error.message ? ' (' + error.message.replace(/[.\\s]+$/, '') + ')' : '';
        end(sentence || 'The connection to the Switchboard host broke' + reason + '.');
      },
    );
    return Object.freeze({
      cancel() {
        if (ended) return;
        end(null);
        controller.abort();
      },
    });
  }
  Object.defineProperty(window, 'switchboard', { value: Object.freeze({ invoke, stream }), writable: false, configurable: false });
})();
`;
