import { DEFAULT_MASTER_KEY, startConnectProxy, startLiteLLMServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';
import { useClosers } from './support.js';

const tempDir = useTempDirs();
const closing = useClosers();

const REFUSALS = [
  { name: 'wants credentials none were given for (407)', options: { credentials: { username: 'ann', password: 'pw' } }, sentence: /asked for a user name and password \(407\).*Settings › General › Network/ },
  { name: 'refuses the host (403)', options: { refuse: true }, sentence: /refused to connect to http:\/\/litellm\.corp\.test:\d+ \(403\)/ },
] as const;

describe('a proxy that turns the request away is named, not taken for the platform', () => {
  it.each(REFUSALS)('Test Connection through a proxy that $name says so', async ({ options, sentence }) => {
    const litellm = await startLiteLLMServer();
    const proxy = await startConnectProxy({ ...options, hosts: { 'litellm.corp.test': '127.0.0.1' } });
    closing(() => litellm.close(), () => proxy.close());
    const { api, routes } = createBackend({ userDataDir: await tempDir(), secrets: memorySecretStore(), env: { HTTP_PROXY: proxy.url, SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/none' } });
    closing(() => routes.close());
    const tested = await api['litellm:test-connection']({ url: `http://litellm.corp.test:${litellm.port}`, key: { mode: 'provided', value: DEFAULT_MASTER_KEY } });
    expect(tested).toEqual({ ok: false, error: { kind: 'unreachable', message: expect.stringMatching(sentence) } });
    expect(tested.ok ? '' : tested.error.message).toContain(proxy.url);
    expect(litellm.requests).toEqual([]);
  });
});
