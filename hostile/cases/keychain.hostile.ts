import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, createKeytarSecretStore, DEFAULT_KEYCHAIN_TIMEOUT_MS, KeychainError, type SecretStore } from '@switchboard/core';
import type { ProxyErrorKind } from '@switchboard/shared';
import { startLiteLLMServer } from '@switchboard/test-servers';
import { afterEach, expect } from 'vitest';
import { runCli } from '../../packages/cli/src/cli.js';
import { startPrivateSecretService, startSilentBus, type PrivateSecretService } from '../../packages/core/test/support/private-secret-service.js';
import { UNUSUAL_VALID_KEYS } from '../../packages/core/test/support/unusual-keys.js';
import { hostileCases, type HostileCase, type Probe } from '../support/hostile-cases.js';

/** Short, so that a case about waiting stays short; the bound checked is this plus a margin, far below libsecret's 25 s. */
const DEADLINE_MS = 1_000;
const MARGIN_MS = 1_500;
const KEY = 'sk-hostile-keychain-0123456789';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/**
 * A Secret Service of the case's own (its own bus, its own GNOME Keyring), and
 * a store on it under a throwaway service name. Setting up runs with the
 * default deadline, so a busy machine cannot fail it; a case about waiting sets
 * the short one just before its attack, as a changed setting would.
 */
async function privateKeychain(): Promise<{ keychain: PrivateSecretService; secrets: SecretStore; service: string; setDeadline(ms: number): void }> {
  const keychain = await startPrivateSecretService();
  cleanups.push(() => keychain.stop());
  const service = `switchboard-hostile-${process.pid}-${cleanups.length}`;
  let deadline = DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const secrets = createKeytarSecretStore(service, { env: keychain.env, timeoutMs: () => deadline });
  return { keychain, service, secrets, setDeadline: (ms) => void (deadline = ms) };
}

/**
 * Runs one keychain call and checks its failure: the expected kind, a sentence
 * ending in a full stop, no key in it, in time. Anything but a keychain error is
 * a bug that escaped, counted as a crash.
 */
async function expectRefusal(probe: Probe, call: Promise<unknown>, kind: ProxyErrorKind, sentence: RegExp, secrets: readonly string[]): Promise<void> {
  const started = Date.now();
  const outcome = await call.then(
    () => null,
    (error: unknown) => error,
  );
  const within = kind === 'keychain-timeout' ? DEADLINE_MS + MARGIN_MS : DEFAULT_KEYCHAIN_TIMEOUT_MS + MARGIN_MS;
  expect(Date.now() - started, 'answers within the deadline').toBeLessThan(within);
  if (outcome !== null && !(outcome instanceof KeychainError)) probe.crash(`an unexpected ${String(outcome)}`);
  expect(outcome).toBeInstanceOf(KeychainError);
  const error = outcome as KeychainError;
  expect(error.kind).toBe(kind);
  expect(error.message).toMatch(sentence);
  expect(error.message).toMatch(/\.$/);
  probe.noLeak('the keychain error sentence', error.message, secrets);
}

/** The stored key is what it was: anything else is a key lost. */
async function expectKept(probe: Probe, keychain: PrivateSecretService, service: string, account: string, key: string): Promise<void> {
  if ((await keychain.lookup(service, account)) !== key) probe.lost(`the stored key of ${account}`);
}

const TIMED_OUT = /did not answer within 1 s/;
const LOCKED = /keychain is locked/;
const UNAVAILABLE = /keychain is not available/;

type Operation = 'read' | 'save' | 'remove';
const OPERATIONS: ReadonlyArray<[Operation, (secrets: SecretStore) => Promise<unknown>]> = [
  ['read', (secrets) => secrets.get('litellm')],
  ['save', (secrets) => secrets.set('litellm', `${KEY}-new`)],
  ['remove', (secrets) => secrets.delete('litellm')],
];

const frozenCases: HostileCase[] = OPERATIONS.map(([operation, call]) => ({
  name: `keychain: a Secret Service that never answers a ${operation} is timed out within the deadline, and the key is there once it answers`,
  async run(probe) {
    const { keychain, secrets, service, setDeadline } = await privateKeychain();
    await secrets.set('litellm', KEY);
    setDeadline(DEADLINE_MS);
    keychain.freeze();
    await expectRefusal(probe, call(secrets), 'keychain-timeout', TIMED_OUT, [KEY, `${KEY}-new`]);
    keychain.thaw();
    setDeadline(DEFAULT_KEYCHAIN_TIMEOUT_MS);
    // The late call was ended with the keychain process: it cannot land afterwards and change the key.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expectKept(probe, keychain, service, 'litellm', KEY);
    expect(await secrets.get('litellm')).toBe(KEY);
  },
}));

const lockedCases: HostileCase[] = OPERATIONS.map(([operation, call]) => ({
  name: `keychain: a locked keychain refuses a ${operation} as locked (not "no key"), and the stored key stays`,
  async run(probe) {
    const { keychain, secrets, service } = await privateKeychain();
    await secrets.set('litellm', KEY);
    await keychain.lock();
    await expectRefusal(probe, call(secrets), 'keychain-locked', LOCKED, [KEY, `${KEY}-new`]);
    await keychain.kill();
    await keychain.start();
    await expectKept(probe, keychain, service, 'litellm', KEY);
  },
}));

const ABSENT: ReadonlyArray<[string, () => Promise<string>, ProxyErrorKind, RegExp]> = [
  ['a bus address with nothing behind it', async () => 'unix:path=/nonexistent/switchboard-hostile-bus', 'keychain', UNAVAILABLE],
  [
    'a bus that accepts the connection and never says a word',
    async () => {
      const silent = await startSilentBus();
      cleanups.push(() => silent.stop());
      return silent.address;
    },
    'keychain-timeout',
    TIMED_OUT,
  ],
];

const absentCases: HostileCase[] = ABSENT.map(([what, address, kind, sentence]) => ({
  name: `keychain: ${what} answers a save with ${kind}, in time`,
  async run(probe) {
    const secrets = createKeytarSecretStore('switchboard-hostile-absent', { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: await address() }, timeoutMs: () => DEADLINE_MS });
    await expectRefusal(probe, secrets.set('litellm', KEY), kind, sentence, [KEY]);
  },
}));

const storedExactly: HostileCase[] = UNUSUAL_VALID_KEYS.map(([what, key]) => ({
  name: `keychain: ${what} is stored exactly, as secret-tool reads it`,
  async run(probe) {
    const { keychain, secrets, service } = await privateKeychain();
    await secrets.set('openrouter', key);
    const seen = await keychain.lookup(service, 'openrouter');
    if (seen !== key) probe.lost(`${what}: stored as something else`);
    expect(await secrets.get('openrouter')).toBe(key);
  },
}));

const faults: HostileCase[] = [
  {
    name: 'keychain: killed mid-run and started again is found again, without restarting Switchboard',
    async run(probe) {
      const { keychain, secrets, service } = await privateKeychain();
      await secrets.set('litellm', KEY);
      await keychain.kill();
      await expectRefusal(probe, secrets.get('litellm'), 'keychain', UNAVAILABLE, [KEY]);
      await keychain.start();
      expect(await secrets.get('litellm')).toBe(KEY);
      await secrets.set('litellm', `${KEY}-after`);
      await expectKept(probe, keychain, service, 'litellm', `${KEY}-after`);
    },
  },
  {
    name: 'keychain: killed in the middle of 20 saves: each save is stored exactly or says why, and all work after a restart',
    async run(probe) {
      const { keychain, secrets, service } = await privateKeychain();
      const accounts = Array.from({ length: 20 }, (_, index) => `custom:killed-${index}`);
      const keyOf = (account: string) => `sk-${account}-${'k'.repeat(32)}`;
      const saves = accounts.map((account) => secrets.set(account, keyOf(account)).then(() => account));
      await keychain.kill();
      const outcomes = await Promise.allSettled(saves);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          if (!(outcome.reason instanceof KeychainError)) probe.crash(`an unexpected ${String(outcome.reason)}`);
          probe.noLeak('a failed save', String(outcome.reason), accounts.map(keyOf));
        }
      }
      await keychain.start();
      // A save that said it was done is there, exactly.
      for (const outcome of outcomes) if (outcome.status === 'fulfilled') await expectKept(probe, keychain, service, outcome.value, keyOf(outcome.value));
      await Promise.all(accounts.map((account) => secrets.set(account, keyOf(account))));
      for (const account of accounts) await expectKept(probe, keychain, service, account, keyOf(account));
    },
  },
  {
    name: 'keychain: 20 concurrent saves to different accounts each keep their own key',
    async run(probe) {
      const { keychain, secrets, service } = await privateKeychain();
      const accounts = Array.from({ length: 20 }, (_, index) => (index === 0 ? 'litellm' : index === 1 ? 'openrouter' : `custom:endpoint-${index}`));
      await Promise.all(accounts.map((account) => secrets.set(account, `${KEY}-${account}`)));
      for (const account of accounts) await expectKept(probe, keychain, service, account, `${KEY}-${account}`);
    },
  },
  {
    name: 'keychain: a key the keychain would cut short at a NUL is refused, and the previous key is kept',
    async run(probe) {
      const { keychain, secrets, service } = await privateKeychain();
      await secrets.set('litellm', KEY);
      const cut = `${KEY}\u0000-and-the-rest`;
      await expectRefusal(probe, secrets.set('litellm', cut), 'keychain', /read-back after saving did not match/, [KEY, cut, '-and-the-rest']);
      await expectKept(probe, keychain, service, 'litellm', KEY);
    },
  },
  {
    name: 'keychain: with the keychain locked, a refresh never calls the proxy, and no answer shows the key',
    async run(probe) {
      const { keychain, secrets } = await privateKeychain();
      const server = await startLiteLLMServer();
      const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-keychain-'));
      cleanups.push(() => server.close(), () => rm(dir, { recursive: true, force: true }));
      const api = createApi({ userDataDir: dir, secrets, env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map` } });
      const key = 'sk-master-1234';
      expect((await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: key }, selectedModel: 'gpt-4o' })).ok).toBe(true);
      server.requests.length = 0;
      await keychain.lock();
      const answers = [
        await api['litellm:fetch-models'](undefined),
        await api['litellm:test-connection']({ url: server.url, key: { mode: 'stored' } }),
        await api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: `${key}-typed` }, selectedModel: 'gpt-4o' }),
      ];
      for (const answer of answers) {
        expect(answer).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } });
        probe.noLeak('the API answer', JSON.stringify(answer), [key, `${key}-typed`]);
      }
      const view = await api['litellm:get-config'](undefined);
      expect(view.keychainError?.kind).toBe('keychain-locked');
      probe.noLeak('the panel view', JSON.stringify(view), [key]);
      expect(server.requests, 'the proxy is never called without the stored key').toEqual([]);
    },
  },
  {
    name: 'keychain: switchboard run with a locked keychain does not start the command, and says why',
    async run(probe) {
      const { keychain, secrets } = await privateKeychain();
      await secrets.set('litellm', KEY);
      await keychain.lock();
      const errors: string[] = [];
      const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-cli-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const outcome = await runCli(['run', '--', process.execPath, '-e', 'process.exit(0)'], {
        env: { SWITCHBOARD_USER_DATA: dir, PATH: process.env['PATH'] },
        cwd: dir,
        print: () => undefined,
        reportError: (line) => errors.push(line),
        secrets,
      });
      expect(outcome).toEqual({ exitCode: 125 });
      expect(errors.join('\n')).toMatch(/could not read API keys from the system keychain\. The system keychain is locked/);
      probe.noLeak('switchboard run\'s error', errors.join('\n'), [KEY]);
    },
  },
];

hostileCases([...frozenCases, ...lockedCases, ...absentCases, ...storedExactly, ...faults]);
