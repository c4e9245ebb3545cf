import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPrivateCa, DEFAULT_MASTER_KEY, startLiteLLMServer, startTlsServer } from '@switchboard/test-servers';
import type { DiagnosisEvent, HeaderInput } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src/api/create-api.js';
import { headerAccount } from '../../src/network/keychain-accounts.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { settingsFile } from '../support/settings-folder.js';
import { useTempDirs } from '../support/temp-dir.js';
import { useClosers } from './support.js';

const tempDir = useTempDirs();
const closing = useClosers();
const KEY = { mode: 'provided' as const, value: DEFAULT_MASTER_KEY };
const TOKEN = 'gateway-token-0c93f1d2';

/**
 * LiteLLM behind a TLS gateway whose certificate a private CA signed: what a
 * person on a corporate network meets at the very first Test Connection,
 * before LiteLLM can be saved (saving needs a passing test and a model).
 */
async function corporateLiteLLM() {
  const server = await startLiteLLMServer();
  const ca = await createPrivateCa('Example Corp Root CA');
  // The CA's leaves carry 127.0.0.1 among their names, so the gateway is reached by IP and nothing is resolved.
  const front = await startTlsServer({ ...(await ca.issue(['litellm.corp.test'])), forwardTo: server.url });
  const dir = await tempDir();
  const secrets = memorySecretStore();
  const backend = createBackend({ userDataDir: dir, secrets, env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/no-map' } });
  closing(
    () => backend.routes.close(),
    () => front.close(),
    () => server.close(),
  );
  const caFile = join(dir, 'corp-ca.pem');
  await writeFile(caFile, ca.cert);
  const diagnose = async () => {
    const events: DiagnosisEvent[] = [];
    for await (const event of backend.streams['connection:diagnose']({ platform: 'litellm', url: `https://127.0.0.1:${front.port}`, key: KEY }, new AbortController().signal)) events.push(event);
    return events;
  };
  const tls = (events: DiagnosisEvent[]) => events.find((event) => event.type === 'step' && event.step === 'tls' && event.state !== 'running');
  return { api: backend.api, secrets, front, caFile, url: `https://127.0.0.1:${front.port}`, diagnose, tls, settingsText: () => readFile(settingsFile(dir), 'utf8') };
}

describe("a platform's network settings before its connection is saved", () => {
  it('LiteLLM behind a private CA: its CA file and headers are set with nothing saved, and both Test Connections use them at once', async () => {
    const { api, front, caFile, url, diagnose, tls, settingsText } = await corporateLiteLLM();

    // The first test fails at TLS: the system does not trust the company's CA.
    const first = await diagnose();
    expect(tls(first)).toMatchObject({ state: 'fail' });
    expect(first.at(-1)?.type).toBe('error');
    expect(await api['litellm:test-connection']({ url, key: KEY })).toMatchObject({ ok: false });

    const headers: HeaderInput[] = [
      { name: 'X-Team', secret: false, value: 'data-science' },
      { name: 'X-Gateway-Token', secret: true, secretValue: { mode: 'provided', value: TOKEN } },
    ];
    const set = await api['network:set-platform']({ instanceId: 'litellm', caFile, headers });
    expect(set, JSON.stringify(set)).toMatchObject({ ok: true, value: { caFile, caProblem: null, headers: [{ name: 'X-Team' }, { name: 'X-Gateway-Token', hasValue: true }] } });
    expect(await api['network:get-platform']({ instanceId: 'litellm' })).toMatchObject({ caFile, headers: [{ name: 'X-Team' }, { name: 'X-Gateway-Token' }] });
    // Nothing but the network settings was saved: no connection, and no secret in the file.
    expect(await api['litellm:get-config'](undefined)).toMatchObject({ connected: false, savedAt: null });
    expect(JSON.parse(await settingsText())).toMatchObject({ platforms: {}, network: { platforms: { litellm: { caFile } } } });
    expect(await settingsText()).not.toContain(TOKEN);

    const second = await diagnose();
    expect(tls(second)).toMatchObject({ state: 'ok', detail: expect.stringMatching(/issued by CN=Example Corp Root CA/) });
    expect(second.at(-1)?.type).toBe('done');
    expect(JSON.stringify(second)).not.toContain(TOKEN);
    expect(await api['litellm:test-connection']({ url, key: KEY })).toMatchObject({ ok: true });
    const listings = front.requests.filter((request) => request.path.endsWith('/models'));
    expect(listings.length).toBeGreaterThanOrEqual(2);
    for (const listing of listings) expect(listing.headers).toMatchObject({ 'x-team': 'data-science', 'x-gateway-token': TOKEN });
  });

  it('saving the connection afterwards keeps its network settings; disconnecting forgets them and their keychain values', async () => {
    const { api, secrets, caFile, url, settingsText } = await corporateLiteLLM();
    const headers: HeaderInput[] = [{ name: 'X-Gateway-Token', secret: true, secretValue: { mode: 'provided', value: TOKEN } }];
    expect(await api['network:set-platform']({ instanceId: 'litellm', caFile, headers })).toMatchObject({ ok: true });
    expect(await api['litellm:test-connection']({ url, key: KEY })).toMatchObject({ ok: true });
    expect(await api['litellm:set-config']({ url, key: KEY, selectedModel: 'gpt-4o' })).toMatchObject({ ok: true });
    expect(await api['network:get-platform']({ instanceId: 'litellm' })).toMatchObject({ caFile, headers: [{ name: 'X-Gateway-Token', hasValue: true }] });

    expect(await api['litellm:disconnect'](undefined)).toMatchObject({ ok: true });
    expect(await api['network:get-platform']({ instanceId: 'litellm' })).toMatchObject({ caFile: null, headers: [] });
    expect(await secrets.get(headerAccount('litellm', 'X-Gateway-Token'))).toBeNull();
    expect(JSON.parse(await settingsText())).toMatchObject({ network: { platforms: {} } });
    expect(await settingsText()).not.toContain(caFile);
  });
});
