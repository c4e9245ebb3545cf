import { startLiteLLMServer, startStaticServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpFailure } from '../src/http/index.js';
import { LITELLM_WORDING } from '../src/platforms/litellm/litellm-catalog.js';
import { listOpenAICompatibleModels } from '../src/platforms/openai-compatible-models.js';
import type { ProxyClientOptions } from '../src/platforms/proxy-client.js';

const listLiteLLMModels = (options: ProxyClientOptions, url: string, key: string | null) =>
  listOpenAICompatibleModels(options, url, key, LITELLM_WORDING);

const MASTER_KEY = 'sk-master-1234';
const client: ProxyClientOptions = { fetch: (url, init) => fetch(url, init), timeoutMs: 10_000, maxBytes: 16 * 1024 * 1024 };
const servers: RunningServer[] = [];

async function litellm(options: Parameters<typeof startLiteLLMServer>[0] = {}) {
  const server = await startLiteLLMServer(options);
  servers.push(server);
  return server;
}

async function failureOf(promise: Promise<unknown>): Promise<HttpFailure> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HttpFailure);
  return error as HttpFailure;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('listing models from a LiteLLM proxy', () => {
  it('returns the proxy models with the key sent as a Bearer token', async () => {
    const server = await litellm();
    const models = await listLiteLLMModels(client, server.url, MASTER_KEY);
    expect(models.map((model) => model.id)).toEqual(['gpt-4o', 'claude-3-5-sonnet', 'fake-up', 'local-llama']);
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${MASTER_KEY}`);
  });

  it('sends no Authorization header when there is no key, and works on a proxy without a master key', async () => {
    const server = await litellm({ masterKey: null });
    const models = await listLiteLLMModels(client, server.url, null);
    expect(models).toHaveLength(4);
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('drops wildcard routes but keeps what they expand to', async () => {
    const server = await litellm({
      deployments: [
        { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o' } },
        { model_name: 'openai/*', litellm_params: { model: 'openai/*' } },
      ],
    });
    const ids = (await listLiteLLMModels(client, server.url, MASTER_KEY)).map((model) => model.id);
    expect(ids).not.toContain('openai/*');
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('says what went wrong, as a kind and a sentence', () => {
    it('a missing key (401)', async () => {
      const server = await litellm();
      const failure = await failureOf(listLiteLLMModels(client, server.url, null));
      expect(failure.kind).toBe('unauthorized');
      expect(failure.message).toMatch(/needs an API key/);
    });

    it('a wrong key on a proxy without a database (400 no_db_connection)', async () => {
      const server = await litellm();
      const failure = await failureOf(listLiteLLMModels(client, server.url, 'sk-wrong'));
      expect(failure.kind).toBe('unauthorized');
      expect(failure.message).toMatch(/refused the API key/);
      expect(failure.message).not.toContain('sk-wrong');
    });

    it('a wrong key on a proxy with a database (401)', async () => {
      const server = await litellm({ database: true });
      const failure = await failureOf(listLiteLLMModels(client, server.url, 'sk-wrong'));
      expect(failure.kind).toBe('unauthorized');
    });

    it('nothing listening', async () => {
      const server = await litellm();
      const url = server.url;
      await server.close();
      const failure = await failureOf(listLiteLLMModels(client, url, null));
      expect(failure.kind).toBe('unreachable');
      expect(failure.message).toMatch(/Nothing is listening/);
    });

    it('a host name that does not resolve', async () => {
      const failure = await failureOf(listLiteLLMModels(client, 'http://switchboard-test.invalid', null));
      expect(failure.kind).toBe('unreachable');
      expect(failure.message).toMatch(/could not be found/);
    });

    it('a proxy that never answers (timeout)', async () => {
      const server = await litellm({ failure: 'hang' });
      const failure = await failureOf(listLiteLLMModels({ ...client, timeoutMs: 300 }, server.url, MASTER_KEY));
      expect(failure.kind).toBe('timeout');
      // Under a second it says so, not "within 0 seconds".
      expect(failure.message).toMatch(/did not answer within 0\.3 s\./);
    });

    it('a body that stalls halfway (timeout covers the body too)', async () => {
      const server = await litellm({ failure: 'slow-body' });
      const failure = await failureOf(listLiteLLMModels({ ...client, timeoutMs: 500 }, server.url, MASTER_KEY));
      expect(failure.kind).toBe('timeout');
    });

    it('a certificate this machine does not trust', async () => {
      const server = await litellm({ tls: true });
      expect(server.url.startsWith('https://')).toBe(true);
      const failure = await failureOf(listLiteLLMModels(client, server.url, MASTER_KEY));
      expect(failure.kind).toBe('tls');
      expect(failure.message).toMatch(/certificate/);
    });

    it('a server that is not a LiteLLM proxy (404)', async () => {
      const server = await litellm({ failure: 'not-found' });
      const failure = await failureOf(listLiteLLMModels(client, server.url, MASTER_KEY));
      expect(failure.kind).toBe('not-found');
      expect(failure.message).toMatch(/does not look like a LiteLLM proxy.*base URL/);
    });

    it('a web page instead of data', async () => {
      const server = await litellm({ failure: 'html' });
      const failure = await failureOf(listLiteLLMModels(client, server.url, MASTER_KEY));
      expect(failure.kind).toBe('not-a-proxy');
    });

    it('a body that is not JSON', async () => {
      const server = await litellm({ failure: 'invalid-json' });
      const failure = await failureOf(listLiteLLMModels(client, server.url, MASTER_KEY));
      expect(failure.kind).toBe('bad-response');
      expect(failure.message).toMatch(/not valid JSON/);
    });

    it('JSON of the wrong shape', async () => {
      const server = await litellm({ failure: 'wrong-shape' });
      const failure = await failureOf(listLiteLLMModels(client, server.url, MASTER_KEY));
      expect(failure.kind).toBe('bad-response');
      expect(failure.message).toMatch(/not with a model list/);
    });

    it('an internal error (5xx), quoting the proxy', async () => {
      const server = await litellm({ failure: 'server-error' });
      const failure = await failureOf(listLiteLLMModels(client, server.url, MASTER_KEY));
      expect(failure.kind).toBe('server-error');
      expect(failure.message).toMatch(/internal error \(HTTP 500\)/);
    });

    it('a body over the size cap, without reading all of it', async () => {
      const server = await litellm({ failure: 'huge-body' });
      const failure = await failureOf(listLiteLLMModels({ ...client, maxBytes: 1024 * 1024 }, server.url, MASTER_KEY));
      expect(failure.kind).toBe('too-large');
      expect(failure.message).toMatch(/more than 1 MiB/);
    });

    it('a redirect to another origin, without sending the key there', async () => {
      const elsewhere = await startStaticServer({ '/v1/models': { contentType: 'application/json', body: '{"data":[]}' } });
      servers.push(elsewhere);
      const server = await litellm({ failure: 'redirect', redirectTo: elsewhere.url });
      const failure = await failureOf(listLiteLLMModels(client, server.url, MASTER_KEY));
      expect(failure.kind).toBe('redirect');
      expect(failure.message).toContain(new URL(elsewhere.url).origin);
      expect(elsewhere.requests.filter((request) => request.headers.authorization !== undefined)).toEqual([]);
    });
  });
});
