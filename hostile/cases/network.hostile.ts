import { chmod, mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '@switchboard/core';
import type { HeaderInput, SwitchboardApi } from '@switchboard/shared';
import { createPrivateCa } from '@switchboard/test-servers';
import { afterEach, expect } from 'vitest';
import { memorySecretStore } from '../../packages/core/test/support/memory-secret-store.js';
import { answered, makeFifo } from '../support/config-scene.js';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';

// ---------------------------------------------------------------------------------------------
// The network settings' channels (issue #14), attacked with what no person should type and with
// files planted where a CA file is expected. Each answers within the bound with a sentence (naming
// the path, for files); what was saved before stays, and no secret typed comes back.

const SECRET = 'hdr-secret-7b19c3e5a2';
const PROXY_PASSWORD = 'proxy-pw-d41f9a66';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

interface Scene {
  api: SwitchboardApi;
  dir: string;
  settingsFile: string;
  /** The CA file saved before the attack, which must still be the one in force after it. */
  goodCa: string;
}

/** The real backend on a temporary folder, a LiteLLM connection saved with a good CA file and one plain header. */
async function scene(): Promise<Scene> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-network-'));
  const backend = createBackend({ userDataDir: join(dir, 'data'), secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/no-map' } });
  cleanups.push(() => backend.routes.close(), () => rm(dir, { recursive: true, force: true }));
  const goodCa = join(dir, 'corp-ca.pem');
  await writeFile(goodCa, (await sharedCa()).cert);
  const { api } = backend;
  expect((await api['litellm:set-config']({ url: 'http://127.0.0.1:4000', key: { mode: 'none' }, selectedModel: 'gpt-4o' })).ok).toBe(true);
  const saved = await api['network:set-platform']({ instanceId: 'litellm', caFile: goodCa, headers: [{ name: 'X-Team', secret: false, value: 'ds' }] });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  return { api, dir, settingsFile: join(dir, 'data', 'settings.json'), goodCa };
}

let ca: ReturnType<typeof createPrivateCa> | undefined;
const sharedCa = () => (ca ??= createPrivateCa());

/** A refusal with a sentence; what was saved before is still in force; no secret in the answer or the settings file. */
async function expectRefused(probe: Probe, s: Scene, what: string, answer: unknown, sentence: RegExp, secrets: readonly string[] = []): Promise<void> {
  expect(answer).toEqual({ ok: false, error: { kind: expect.stringMatching(/invalid-input|invalid-url/), message: expect.stringMatching(sentence) } });
  probe.noLeak(`the answer to ${what}`, JSON.stringify(answer), secrets);
  probe.noLeak('settings.json', await readFile(s.settingsFile, 'utf8'), secrets);
  const view = await s.api['network:get-platform']({ instanceId: 'litellm' });
  if (view.caFile !== s.goodCa || view.headers.length !== 1 || view.headers[0]?.name !== 'X-Team') probe.lost(`the saved network settings after ${what}`);
}

const plain = (name: string, value: string): HeaderInput => ({ name, secret: false, value });
const secret = (name: string, value: string): HeaderInput => ({ name, secret: true, secretValue: { mode: 'provided', value } });

const HEADERS: ReadonlyArray<{ what: string; headers: HeaderInput[]; sentence: RegExp; secrets?: string[] }> = [
  { what: 'a CRLF in a value, writing a header of its own', headers: [plain('X-Team', 'ds\r\nX-Injected: 1')], sentence: /line break/ },
  { what: 'a CRLF in a secret value', headers: [secret('X-Token', `${SECRET}\r\nX-Injected: 1`)], sentence: /line break/, secrets: [SECRET] },
  { what: 'a NUL in a value', headers: [plain('X-Team', 'ds\u0000evil')], sentence: /control character/ },
  { what: 'a CRLF in a name', headers: [plain('X-A\r\nX-B', '1')], sentence: /characters a header name cannot have/ },
  { what: 'a 10 kB value', headers: [plain('X-Big', 'v'.repeat(10_000))], sentence: /longer than 4096 characters/ },
  { what: '1,000 headers', headers: Array.from({ length: 1000 }, (_, index) => plain(`X-H${index}`, '1')), sentence: /1000 custom headers; at most 20/ },
  { what: 'Authorization as a custom header', headers: [secret('Authorization', `Bearer ${SECRET}`)], sentence: /sets the Authorization header itself/, secrets: [SECRET] },
  { what: 'Host as a custom header', headers: [plain('host', 'evil.example')], sentence: /sets the host header itself/ },
  { what: 'a unicode name', headers: [plain('X-Ünïcode', '1')], sentence: /characters a header name cannot have/ },
  { what: 'a value beyond Latin-1', headers: [plain('X-Team', 'data ☃ science')], sentence: /outside Latin-1/ },
  { what: 'the same header twice, in two cases', headers: [plain('X-Team', 'a'), plain('x-team', 'b')], sentence: /there twice/ },
  { what: 'two names the agents would see as one variable', headers: [plain('X-Team', 'a'), plain('X_Team', 'b')], sentence: /there twice/ },
  { what: "opencode's {file:…} in a plain value, which an agent would expand", headers: [plain('X-Team', '{file:~/.ssh/id_rsa}')], sentence: /substitution/ },
  { what: "opencode's {env:…} in a plain value", headers: [plain('X-Team', 'pre-{env:HOME}')], sentence: /substitution/ },
  { what: "Continue's ${{ secrets.… }} in a plain value", headers: [plain('X-Team', '${{ secrets.OTHER }}')], sentence: /substitution/ },
  { what: 'a secret kept that was never stored', headers: [{ name: 'X-Never', secret: true, secretValue: { mode: 'stored' } }], sentence: /No value is stored/ },
];

const headerCases: HostileCase[] = HEADERS.map(({ what, headers, sentence, secrets = [] }) => ({
  name: `network: a header with ${what} is refused, nothing saved is lost`,
  async run(probe) {
    const s = await scene();
    const answer = await answered(probe, what, s.api['network:set-platform']({ instanceId: 'litellm', caFile: s.goodCa, headers }));
    await expectRefused(probe, s, what, answer, sentence, secrets);
  },
}));

const PROXY_URLS: ReadonlyArray<{ what: string; url: string; sentence: RegExp }> = [
  { what: 'socks://', url: 'socks5://127.0.0.1:1080', sentence: /HTTP proxies only/ },
  { what: 'no host', url: 'http://', sentence: /not a URL|no host name/ },
  { what: 'javascript:', url: 'javascript:alert(document.cookie)', sentence: /HTTP proxies only/ },
  { what: 'a file: URL', url: 'file:///etc/passwd', sentence: /HTTP proxies only/ },
  { what: 'a 3000-character URL', url: `http://${'a'.repeat(2990)}.corp:3128`, sentence: /longer than 2048 characters/ },
  { what: 'a password in a URL that is refused anyway', url: `ftp://ann:${PROXY_PASSWORD}@127.0.0.1:21`, sentence: /HTTP proxies only/ },
];

const proxyCases: HostileCase[] = [
  ...PROXY_URLS.map(({ what, url, sentence }) => ({
    name: `network: a proxy URL with ${what} is refused with a sentence, the proxy settings kept`,
    async run(probe: Probe) {
      const s = await scene();
      const before = await s.api['network:get-proxy'](undefined);
      const answer = await answered(probe, what, s.api['network:set-proxy']({ mode: 'url', url, username: null, password: { mode: 'none' } }));
      expect(answer).toEqual({ ok: false, error: { kind: expect.stringMatching(/invalid-url|invalid-input/), message: expect.stringMatching(sentence) } });
      probe.noLeak(`the answer to ${what}`, JSON.stringify(answer), [PROXY_PASSWORD]);
      if (JSON.stringify(await s.api['network:get-proxy'](undefined)) !== JSON.stringify(before)) probe.lost(`the proxy settings after ${what}`);
    },
  })),
  {
    name: 'network: credentials typed in the proxy URL go to the keychain, never to settings or an answer',
    async run(probe) {
      const s = await scene();
      const answer = await answered(probe, 'credentials in the URL', s.api['network:set-proxy']({ mode: 'url', url: `http://ann:${PROXY_PASSWORD}@127.0.0.1:3128`, username: null, password: { mode: 'stored' } }));
      expect(answer).toMatchObject({ ok: true, value: { url: 'http://127.0.0.1:3128', username: 'ann', hasPassword: true } });
      probe.noLeak('the answer', JSON.stringify(answer), [PROXY_PASSWORD]);
      probe.noLeak('settings.json', await readFile(s.settingsFile, 'utf8'), [PROXY_PASSWORD]);
    },
  },
];

interface PlantedCa {
  what: string;
  plant(path: string, dir: string): Promise<string>;
  sentence: RegExp;
}

const PLANTED: readonly PlantedCa[] = [
  { what: 'a folder', plant: async (path) => (await mkdir(path), path), sentence: /is a folder, not a regular file/ },
  {
    what: 'a link to a shadow-like file',
    plant: async (path, dir) => {
      const shadow = join(dir, 'shadow');
      await writeFile(shadow, 'root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\n');
      await chmod(shadow, 0o600);
      await symlink(shadow, path);
      return path;
    },
    sentence: /holds no PEM certificate/,
  },
  { what: '/dev/zero', plant: async () => '/dev/zero', sentence: /is a character device, not a regular file/ },
  { what: 'a 50 MB file', plant: async (path) => (await writeFile(path, ''), await truncate(path, 50 * 1024 * 1024), path), sentence: /larger than 1 MiB/ },
  {
    what: 'a PEM private key',
    plant: async (path) => (await writeFile(path, (await sharedCa()).key), path),
    sentence: /holds a private key/,
  },
  {
    what: 'a certificate bundled with its private key',
    plant: async (path) => (await writeFile(path, `${(await sharedCa()).cert}\n${(await sharedCa()).key}`), path),
    sentence: /holds a private key/,
  },
  { what: 'an empty file', plant: async (path) => (await writeFile(path, ''), path), sentence: /holds no PEM certificate/ },
  { what: 'a FIFO', plant: async (path) => (await makeFifo(path), path), sentence: /is a named pipe \(FIFO\), not a regular file/ },
  {
    what: 'a damaged certificate',
    plant: async (path) => (await writeFile(path, '-----BEGIN CERTIFICATE-----\nMIIBnotbase64atall!!\n-----END CERTIFICATE-----\n'), path),
    sentence: /is damaged and cannot be read/,
  },
  { what: 'a path with a NUL', plant: async (path) => `${path}\u0000.pem`, sentence: /has a NUL in it/ },
];

const caCases: HostileCase[] = PLANTED.flatMap(({ what, plant, sentence }) => [
  {
    name: `network: a CA file that is ${what} is refused on save with a sentence naming it, the CA in force kept`,
    async run(probe: Probe) {
      const s = await scene();
      const path = await plant(join(s.dir, 'planted.pem'), s.dir);
      const answer = await answered(probe, `saving ${what}`, s.api['network:set-platform']({ instanceId: 'litellm', caFile: path, headers: [plain('X-Team', 'ds')] }));
      await expectRefused(probe, s, `saving ${what}`, answer, sentence);
      if (!path.includes('\u0000')) expect(JSON.stringify(answer)).toContain(JSON.stringify(path).slice(1, -1).slice(0, 40));
    },
  },
  {
    name: `network: reading a CA file that is ${what} answers with a sentence`,
    async run(probe: Probe) {
      const s = await scene();
      const path = await plant(join(s.dir, 'planted.pem'), s.dir);
      const answer = await answered(probe, `reading ${what}`, s.api['network:read-ca-file']({ path }));
      expect(answer).toEqual({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(sentence) } });
    },
  },
]);

/** LiteLLM's own entry, which every hand edit below must leave in force. */
const KEPT = { caFile: null, headers: [{ name: 'X-Team', secret: false, value: 'ds' }] };

/**
 * Hand edits of `network.platforms` in settings.json (kept beside the connections, by instance id,
 * saved or not): a broken entry costs itself alone, never LiteLLM's beside it, and none pollutes anything.
 */
const HAND_EDITS: ReadonlyArray<{ what: string; platforms: string }> = [
  { what: 'a __proto__ entry', platforms: `{"__proto__":{"caFile":"/etc/evil.pem","headers":[{"name":"X-Evil","secret":false,"value":"1"}]},"litellm":${JSON.stringify(KEPT)}}` },
  { what: 'a constructor entry with a prototype inside', platforms: `{"constructor":{"prototype":{"caFile":"/etc/evil.pem"}},"litellm":${JSON.stringify(KEPT)}}` },
  { what: "another platform's entry that is a string", platforms: `{"openrouter":"corp.pem","litellm":${JSON.stringify(KEPT)}}` },
  { what: 'an entry for an id no platform can have', platforms: `{"../../etc/passwd":{"caFile":"/etc/passwd","headers":[]},"litellm":${JSON.stringify(KEPT)}}` },
  { what: "another platform's headers that are a number", platforms: `{"openrouter":{"caFile":null,"headers":7},"litellm":${JSON.stringify(KEPT)}}` },
];

const handEditCases: HostileCase[] = HAND_EDITS.map(({ what, platforms }) => ({
  name: `network: settings.json with ${what} in network.platforms: LiteLLM's entry beside it stays in force, other platforms still save, and nothing is polluted`,
  async run(probe) {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-network-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data', 'settings.json'), `{"schemaVersion":5,"network":{"platforms":${platforms}}}`);
    let backend: ReturnType<typeof createBackend>;
    try {
      backend = createBackend({ userDataDir: join(dir, 'data'), secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/no-map' } });
    } catch (error) {
      probe.crash(`opening settings.json with ${what}: ${String(error)}`);
      throw error;
    }
    cleanups.push(() => backend.routes.close());
    const view = await answered(probe, 'reading LiteLLM\'s network settings', backend.api['network:get-platform']({ instanceId: 'litellm' }));
    if (view.headers.length !== 1 || view.headers[0]?.value !== 'ds') probe.lost(`LiteLLM's network settings beside ${what}`);
    // An unsaved platform still answers with no settings of its own, and can be given some.
    expect(await answered(probe, 'reading an unsaved endpoint', backend.api['network:get-platform']({ instanceId: 'custom:lab' }))).toMatchObject({ caFile: null, headers: [] });
    expect(await answered(probe, 'saving for OpenRouter', backend.api['network:set-platform']({ instanceId: 'openrouter', caFile: null, headers: [plain('X-Or', '1')] }))).toMatchObject({ ok: true });
    const objectKeys = ['caFile', 'headers', 'prototype'].filter((key) => key in {});
    if (objectKeys.length > 0) probe.crash(`every object gained ${objectKeys.join(', ')} from ${what}`);
    expect(await readFile(join(dir, 'data', 'settings.json'), 'utf8')).not.toContain('evil.pem');
  },
}));

hostileCases([...headerCases, ...proxyCases, ...caCases, ...handEditCases]);
