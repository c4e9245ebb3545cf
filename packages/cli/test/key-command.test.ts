import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeytarSecretStore, type SecretStore } from '@switchboard/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { missingSecretServiceTools, NO_PRIVATE_SECRET_SERVICE, startPrivateSecretService, type PrivateSecretService } from '../../core/test/support/private-secret-service.js';
import { UNUSUAL_VALID_KEYS } from '../../core/test/support/unusual-keys.js';
import { switchboard, type Finished } from './support/spawn-cli.js';

const KEY = 'sk-cli-key-0123456789abcdef';
const folders: string[] = [];
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
afterAll(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** A Secret Service of the file's own (its own bus and GNOME Keyring), so a test can lock or freeze it without touching anyone's. */
async function privateKeychain(): Promise<PrivateSecretService> {
  const keychain = await startPrivateSecretService();
  stops.push(() => keychain.stop());
  return keychain;
}

let services = 0;
/** A user-data folder and a keychain service of the test's own, and `switchboard key` pointed at both. */
async function scene(keychain: PrivateSecretService, settings?: object) {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-key-'));
  folders.push(dir);
  if (settings) await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  const service = `switchboard-cli-key-${process.pid}-${(services += 1)}`;
  const secrets: SecretStore = createKeytarSecretStore(service, { env: keychain.env });
  const env: NodeJS.ProcessEnv = { ...keychain.env, SWITCHBOARD_KEYCHAIN_SERVICE: service, SWITCHBOARD_USER_DATA: dir };
  const key = (...args: string[]): Promise<Finished> => switchboard(['key', ...args], { env, cwd: dir });
  return { dir, secrets, env, key };
}

/** A refusal as an agent sees it: a status, nothing on standard output, one line on standard error that never holds a key. */
function expectRefusal(result: Finished, exitCode: number, sentence: RegExp, secrets: readonly string[] = [KEY]): void {
  expect(result.stdout).toBe('');
  expect(result.code).toBe(exitCode);
  expect(result.stderr).toMatch(sentence);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  for (const secret of secrets) expect(result.stderr).not.toContain(secret);
}

describe.skipIf(missingSecretServiceTools.length > 0)(`switchboard key with a real keychain${missingSecretServiceTools.length > 0 ? ` (${NO_PRIVATE_SECRET_SERVICE})` : ''}`, () => {
  let keychain: PrivateSecretService;
  beforeAll(async () => {
    keychain = await privateKeychain();
  });

  it.each(UNUSUAL_VALID_KEYS)('prints %s exactly: no newline, nothing else, and nothing on standard error', async (_what, stored) => {
    const { secrets, key } = await scene(keychain);
    await secrets.set('openrouter', stored);
    expect(await key('openrouter')).toEqual({ code: 0, signal: null, stdout: stored, stderr: '' });
  });

  it("prints a custom endpoint's key while the endpoint is saved, and refuses once it is removed, whatever the keychain still holds", async () => {
    const { dir, secrets, key } = await scene(keychain, { platforms: { 'custom:my-vllm': { url: 'http://127.0.0.1:8000', selectedModel: null } } });
    await secrets.set('custom:my-vllm', KEY);
    expect(await key('custom:my-vllm')).toMatchObject({ code: 0, stdout: KEY, stderr: '' });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ platforms: {} }));
    expectRefusal(await key('custom:my-vllm'), 1, /^switchboard: Switchboard has no endpoint custom:my-vllm \(none in .*settings\.json\); add it in Settings › Proxy Platforms/);
  });

  it('stops printing a key the moment it is removed from the keychain', async () => {
    const { secrets, key } = await scene(keychain);
    await secrets.set('litellm', KEY);
    expect((await key('litellm')).stdout).toBe(KEY);
    await secrets.delete('litellm');
    expectRefusal(await key('litellm'), 1, /^switchboard: no API key is stored for litellm; enter one in Switchboard \(Settings › Proxy Platforms\), then try again\.$/m);
  });

  it("reads the keychain service it is pointed at, never another's key for the same id", async () => {
    const { secrets, env } = await scene(keychain);
    await secrets.set('litellm', KEY);
    const other = await switchboard(['key', 'litellm'], { env: { ...env, SWITCHBOARD_KEYCHAIN_SERVICE: `${env['SWITCHBOARD_KEYCHAIN_SERVICE']}-other` } });
    expectRefusal(other, 1, /no API key is stored for litellm/);
  });

  // Not an id: refused before the keychain is asked, and never repeated back (a key pasted in its place would land in the agent's log).
  const NOT_IDS: ReadonlyArray<readonly [string, string]> = [
    ['a key pasted where the id belongs', KEY],
    ['a platform in capitals', 'LiteLLM'],
    ['custom: with no endpoint id', 'custom:'],
    ['an endpoint id with a path in it', 'custom:../../etc/passwd'],
    ['an endpoint id in capitals', 'custom:My-VLLM'],
    ['a control character', 'litellm\u001b[2J'],
  ];
  it.each(NOT_IDS)('refuses %s with exit 2 and a sentence that does not repeat it', async (_what, id) => {
    const { secrets, key } = await scene(keychain);
    await secrets.set('litellm', KEY);
    const result = await key(id);
    expectRefusal(result, 2, /^switchboard: that is not an instance id; use litellm, openrouter or custom:<endpoint id> \(for example custom:my-vllm\)\.\n$/);
    // The sentence is fixed (matched whole above), so the id is not in it unless the sentence itself holds those characters.
    expect(result.stderr.replace('custom:<endpoint id>', '').replace('custom:my-vllm', '')).not.toContain(id);
  });

  it('refuses a missing id and a second word as usage errors (exit 2), naming neither', async () => {
    const { key } = await scene(keychain);
    const missing = await key();
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('switchboard: key needs an instance id, e.g. switchboard key litellm; see switchboard --help.\n');
    const extra = await key('litellm', KEY);
    expect(extra).toMatchObject({ code: 2, stdout: '' });
    expect(extra.stderr).toBe('switchboard: key takes one instance id and nothing after it; see switchboard --help.\n');
    expect(extra.stderr).not.toContain(KEY);
  });

  it('leaves the user-data folder as it found it: no settings file created, no log, no copy of the key', async () => {
    const { dir, secrets, key } = await scene(keychain);
    await secrets.set('litellm', KEY);
    await key('litellm');
    await key('custom:nowhere');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe.skipIf(missingSecretServiceTools.length > 0)(`switchboard key when the keychain cannot answer${missingSecretServiceTools.length > 0 ? ` (${NO_PRIVATE_SECRET_SERVICE})` : ''}`, () => {
  it('exits 125 with the reason when the keychain is locked, and prints no key', async () => {
    const keychain = await privateKeychain();
    const { secrets, key } = await scene(keychain);
    await secrets.set('litellm', KEY);
    await keychain.lock();
    expectRefusal(await key('litellm'), 125, /^switchboard: could not read the API key of litellm from the system keychain\. The system keychain is locked, so .*Unlock it/);
  });

  it("gives up at the keychain deadline set in Settings (1 s here), well inside an agent's own limit (Codex waits 5 s)", async () => {
    const keychain = await privateKeychain();
    const { secrets, key } = await scene(keychain, { keychain: { timeoutMs: 1_000 } });
    await secrets.set('litellm', KEY);
    keychain.freeze();
    const started = Date.now();
    const result = await key('litellm');
    const elapsed = Date.now() - started;
    keychain.thaw();
    expectRefusal(result, 125, /The system keychain did not answer within 1 s/);
    // The deadline plus a process start on a busy machine; a Secret Service left to libsecret's own timeout takes 25 s.
    expect(elapsed).toBeLessThan(4_000);
  });

  it('exits 125 saying the keychain is not available when there is no Secret Service at all', async () => {
    const keychain = await privateKeychain();
    const { env } = await scene(keychain);
    const result = await switchboard(['key', 'litellm'], { env: { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/switchboard-cli-bus' } });
    expectRefusal(result, 125, /The system keychain is not available/);
  });
});
