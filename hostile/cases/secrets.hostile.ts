import { contract, parseInput, type ProxyError } from '@switchboard/shared';
import type { StaticRoute } from '@switchboard/test-servers';
import { expect } from 'vitest';
import { apiAgainst, json, modelList } from '../support/api-under-attack.js';
import { hostileCases, type Probe } from '../support/hostile-cases.js';

const KEY = 'sk-hostile-key-0123456789';
const STORED = 'stored-secret-ABCDEFGHIJ';

const html = (body: string, status = 200): StaticRoute => ({ status, contentType: 'text/html', body });

/** Servers that echo the key back in every place a server's words can reach a sentence. */
const ECHOES: ReadonlyArray<[string, StaticRoute]> = [
  ['a 500 whose message repeats the key', json({ error: { message: `upstream refused key ${KEY}` } }, 500)],
  ['a 401 whose detail repeats the key', json({ detail: `Authentication Error, invalid key ${KEY}` }, 401)],
  ['a 400 that quotes the Authorization header', json({ error: { message: `bad header: Bearer ${KEY}`, type: 'auth_error' } }, 400)],
  ['a redirect to a host named after the key', { status: 302, contentType: 'text/plain', body: '', headers: { location: `http://${KEY}.evil.invalid/v1/models` } }],
  ['a redirect to an address that does not parse', { status: 302, contentType: 'text/plain', body: '', headers: { location: `http://[${KEY}/` } }],
  ['a 404 page that prints the key', html(`<html><body>no route for ${KEY}</body></html>`, 404)],
  ['a 200 web page that prints the key', html(`<html><body>Welcome ${KEY}</body></html>`)],
  ['a 503 with a 10 KB message around the key', json({ error: { message: `${'x'.repeat(5000)} ${KEY} ${'y'.repeat(5000)}` } }, 503)],
  ['a 500 whose message carries terminal escapes', json({ error: { message: `\u001b[31mfatal\u001b[0m ${KEY}\r\nX-Injected: 1` } }, 500)],
  ['a 500 that names another token-looking string', json({ error: { message: 'expected sk-someone-elses-key-999 here' } }, 500)],
];

function expectSentence(error: ProxyError | undefined, probe: Probe, secrets: readonly string[]): void {
  expect(error?.message.length, 'a sentence, not a dump').toBeLessThan(600);
  expect(error?.message).toMatch(/\.$/);
  // Neither control characters nor escapes reach the page.
  expect(error?.message).not.toMatch(/\p{Cc}/u);
  probe.noLeak('the error sentence', error?.message ?? '', secrets);
}

const echoCases = ECHOES.map(([what, route]) => ({
  name: `secrets: ${what} never shows the typed key`,
  async run(probe: Probe) {
    const target = await apiAgainst({ '/v1/models': route });
    const answer = await target.api['litellm:test-connection']({ url: target.server.url, key: { mode: 'provided', value: KEY } });
    expect(contract['litellm:test-connection'].output.safeParse(answer).success).toBe(true);
    expect(answer.ok).toBe(false);
    expectSentence(answer.ok ? undefined : answer.error, probe, [KEY, 'sk-someone-elses-key-999']);
  },
}));

const storedCases = ECHOES.slice(0, 4).map(([what, route]) => ({
  name: `secrets: ${what}, answering a refresh with the stored key, never shows it`,
  async run(probe: Probe) {
    const routes: Record<string, StaticRoute> = { '/v1/models': modelList(['gpt-4o']) };
    const target = await apiAgainst(routes);
    const saved = await target.api['litellm:set-config']({ url: target.server.url, key: { mode: 'provided', value: STORED }, selectedModel: 'gpt-4o' });
    expect(saved.ok).toBe(true);
    // The same server turns hostile, echoing the key it now receives from the keychain.
    const echo = JSON.parse(JSON.stringify(route).split(KEY).join(STORED)) as StaticRoute;
    routes['/v1/models'] = echo;
    const refreshed = await target.api['litellm:fetch-models'](undefined);
    expect(refreshed.ok).toBe(false);
    expectSentence(refreshed.ok ? undefined : refreshed.error, probe, [STORED]);
  },
}));

const RETRY_AFTER: ReadonlyArray<[string, string | null, RegExp]> = [
  ['30 seconds', '30', /it asks to wait 30 seconds\./],
  ['an HTTP date ten minutes ahead', new Date(Date.now() + 600_000).toUTCString(), /it asks to wait about 10 minutes\./],
  ['nonsense', 'soon-ish', /\(HTTP 429\)\. Wait, then try again/],
  ['a year', String(365 * 24 * 3600), /\(HTTP 429\)\. Wait, then try again/],
  ['no header at all', null, /\(HTTP 429\)\. Wait, then try again/],
];

const rateLimitCases = RETRY_AFTER.map(([what, header, sentence]) => ({
  name: `server answers: a 429 with Retry-After ${what} says the proxy is rate-limiting`,
  async run(probe: Probe) {
    const headers: Record<string, string> = header === null ? {} : { 'retry-after': header };
    const target = await apiAgainst({ '/v1/models': json({ error: { message: `Rate limit exceeded for ${KEY}` } }, 429, headers) });
    const answer = await target.api['litellm:test-connection']({ url: target.server.url, key: { mode: 'provided', value: KEY } });
    expect(answer.ok ? null : answer.error.kind).toBe('rate-limited');
    expect(answer.ok ? '' : answer.error.message).toMatch(sentence);
    expectSentence(answer.ok ? undefined : answer.error, probe, [KEY]);
  },
}));

const BAD_KEYS: ReadonlyArray<[string, string, RegExp]> = [
  ['CR LF and a header', `${KEY}\r\nX-Injected: yes`, /a carriage return \(CR\) at position 26/],
  ['a line break', `${KEY}\nmore`, /a line break \(LF\) at position 26/],
  ['a NUL (once stored cut short)', `${KEY}\u0000tail`, /a NUL character at position 26/],
  ['a DEL', `${KEY}\u007f`, /a DEL character/],
  ['an escape sequence', `${KEY}\u001b[2J`, /the control character U\+001B/],
  ['a curly quote', `\u2019${KEY}\u2019`, /the character "\u2019" \(U\+2019\) at position 1/],
  ['a zero-width space', `${KEY}\u200b`, /a zero-width space \(U\+200B\)/],
  ['an emoji', `${KEY}🔑`, /U\+1F511/],
  ['5,000 characters', `${KEY}${'k'.repeat(5000)}`, /longer than 4096 characters/],
];

const badKeyCases = BAD_KEYS.map(([what, key, sentence]) => ({
  name: `keys: a key with ${what} is refused at the boundary, named, and nothing is sent or stored`,
  async run(probe: Probe) {
    const target = await apiAgainst({ '/v1/models': modelList(['gpt-4o']) });
    for (const channel of ['litellm:test-connection', 'litellm:set-config'] as const) {
      const input = { url: target.server.url, key: { mode: 'provided', value: key }, selectedModel: 'gpt-4o' };
      let refusal = '';
      try {
        parseInput(channel, input);
      } catch (error) {
        refusal = error instanceof Error ? error.message : String(error);
      }
      expect(refusal).toMatch(sentence);
      probe.noLeak(`the refusal of ${channel}`, refusal, [KEY]);
    }
    expect(target.server.requests).toEqual([]);
    expect((await target.api['litellm:get-config'](undefined)).keyStored).toBe(false);
  },
}));

const BAD_URLS: ReadonlyArray<[string, string]> = [
  ['a line break', 'http://127.0.0.1:9/\nv1'],
  ['CR LF and a header', 'http://127.0.0.1:9/\r\nX-Injected: 1'],
  ['a tab inside the host', 'http://127.0.\t0.1:9'],
  ['a NUL', 'http://127.0.0.1:9/\u0000'],
];

const badUrlCases = BAD_URLS.map(([what, url]) => ({
  name: `urls: a URL with ${what} is refused, not stripped and saved`,
  async run() {
    const target = await apiAgainst({});
    const saved = await target.api['litellm:set-config']({ url, key: { mode: 'none' }, selectedModel: 'gpt-4o' });
    expect(saved.ok ? null : saved.error).toMatchObject({ kind: 'invalid-url', message: expect.stringMatching(/The URL contains .* at position \d+\. Type or paste it again on one line\./) });
    expect((await target.api['litellm:get-config'](undefined)).connected).toBe(false);
  },
}));

hostileCases([...echoCases, ...storedCases, ...rateLimitCases, ...badKeyCases, ...badUrlCases]);
