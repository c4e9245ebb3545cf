import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contract, type SwitchboardApi } from '@switchboard/shared';
import { fixturesDir, startStaticServer, type RunningServer, type StaticRoute } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

const KEY = 'sk-page-test-0123456789';
const recordedPage = (name: string): StaticRoute => ({
  contentType: 'text/html; charset=utf-8',
  body: readFileSync(join(fixturesDir, 'litellm-1.81.0', name), 'utf8'),
});
const ADMIN = recordedPage('admin-ui.html');
const SWAGGER = recordedPage('swagger-root.html');
const MODELS: StaticRoute = { contentType: 'application/json', body: JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o', object: 'model' }] }) };

const tempDir = useTempDirs();
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(routes: Record<string, StaticRoute>): Promise<{ server: RunningServer; api: SwitchboardApi }> {
  const server = await startStaticServer(routes);
  servers.push(server);
  const api = createApi({ userDataDir: await tempDir(), secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map` } });
  return { server, api };
}

/** A test-connection answer as the renderer receives it: through the redacting wrapper, then the contract's schema, as both transports check it. */
async function testConnection(api: SwitchboardApi, url: string) {
  const answer = await api['litellm:test-connection']({ url, key: { mode: 'provided', value: KEY } });
  return contract['litellm:test-connection'].output.parse(answer);
}

describe("one of LiteLLM's own pages answering in place of the model list", () => {
  it.each([
    ['the admin page', ADMIN, "LiteLLM's admin page"],
    ['the API documentation (Swagger) page', SWAGGER, "LiteLLM's API documentation page"],
  ])('%s behind a reverse-proxy path: named, with the origin offered in one click, and the offer works', async (_case, page, name) => {
    const { server, api } = await serve({ '/litellm/v1/models': page, '/v1/models': MODELS });
    const answer = await testConnection(api, `${server.url}/litellm`);
    expect(answer).toEqual({ ok: false, error: { kind: 'not-a-proxy', message: `This is ${name}. Use ${server.url}?`, suggestedUrl: server.url } });
    const accepted = await testConnection(api, server.url);
    expect(accepted).toMatchObject({ ok: true, value: { modelIds: ['gpt-4o'] } });
  });

  it('at the origin itself: named, without offering the same address again', async () => {
    const { server, api } = await serve({ '/v1/models': ADMIN });
    const answer = await testConnection(api, server.url);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.kind).toBe('not-a-proxy');
    expect(answer.error.message).toMatch(/answered with LiteLLM's admin page instead of data.*Use the address at which LiteLLM's API answers/);
    expect(answer.error.suggestedUrl).toBeUndefined();
  });

  it('any other web page: the plain sentence, no offer', async () => {
    const { server, api } = await serve({ '/app/v1/models': { contentType: 'text/html', body: '<html><head><title>Grafana</title></head></html>' } });
    const answer = await testConnection(api, `${server.url}/app`);
    expect(answer).toEqual({ ok: false, error: { kind: 'not-a-proxy', message: expect.stringMatching(/answered with a web page instead of data/) } });
  });

  it('keeps the offer through fetch-models of a saved connection too', async () => {
    const { server, api } = await serve({ '/litellm/v1/models': ADMIN });
    await api['litellm:set-config']({ url: `${server.url}/litellm`, key: { mode: 'none' }, selectedModel: 'gpt-4o' });
    const refreshed = contract['litellm:fetch-models'].output.parse(await api['litellm:fetch-models'](undefined));
    expect(refreshed).toMatchObject({ ok: false, error: { kind: 'not-a-proxy', suggestedUrl: server.url } });
  });
});
