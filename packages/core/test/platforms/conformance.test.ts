import { isWildcardId, modelListFilter } from '@switchboard/shared';
import { startStaticServer, type RunningServer } from '@switchboard/test-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpFailure } from '../../src/http/index.js';
import type { PlatformContext } from '../../src/platforms/platform.js';
import { platformCases, type PlatformCase, type ServerKnobs } from './platform-cases.js';

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const noPublicMap = { load: async () => null };

async function connectTo(platformCase: PlatformCase, key: string | null, knobs?: ServerKnobs, timeoutMs = 5_000) {
  const { server, urlInput, env } = await platformCase.start(knobs);
  servers.push(server);
  const context: PlatformContext = {
    client: { fetch: (url, init) => fetch(url, init), timeoutMs, maxBytes: 16 * 1024 * 1024 },
    publicModelMap: noPublicMap,
    env,
  };
  const baseUrl = platformCase.platform.baseUrl(urlInput, context);
  return { server, baseUrl, connect: () => platformCase.platform.connect(context, baseUrl, key) };
}

async function failureKind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HttpFailure);
    return (error as HttpFailure).kind;
  }
  throw new Error('expected the connection to fail');
}

describe.each(platformCases)('platform conformance: $name', (platformCase) => {
  it('lists models with a good key: unique ids, no wildcard routes, and the same ids once enriched', async () => {
    const { connect } = await connectTo(platformCase, platformCase.goodKey);
    const listing = await connect();
    const ids = listing.models.map((model) => model.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter(isWildcardId)).toEqual([]);
    // The one place the list's rule runs: the renderer shows what a listing answers as it is.
    expect(ids.filter(modelListFilter())).toEqual(ids);
    expect((await listing.enrich()).map((model) => model.id)).toEqual(ids);
  });

  it('reports a refused key as unauthorized', async () => {
    const { connect } = await connectTo(platformCase, 'sk-definitely-wrong');
    expect(await failureKind(connect())).toBe('unauthorized');
  });

  it.each([
    ['hang', 'timeout'],
    ['html', 'not-a-proxy'],
    ['invalid-json', 'bad-response'],
    ['server-error', 'server-error'],
    ['not-found', 'not-found'],
  ] as const)('turns a server that answers "%s" into the error kind %s', async (failure, kind) => {
    const { connect } = await connectTo(platformCase, platformCase.goodKey, { failure }, 500);
    expect(await failureKind(connect())).toBe(kind);
  });

  it('reports nothing listening as unreachable', async () => {
    const { connect, server } = await connectTo(platformCase, platformCase.goodKey);
    await server.close();
    expect(await failureKind(connect())).toBe('unreachable');
  });

  it('does not follow a redirect to another origin, and the key does not travel', async () => {
    const elsewhere = await startStaticServer({});
    servers.push(elsewhere);
    const { connect } = await connectTo(platformCase, platformCase.goodKey, { failure: 'redirect', redirectTo: elsewhere.url });
    expect(await failureKind(connect())).toBe('redirect');
    expect(elsewhere.requests).toEqual([]);
  });

  it('gives an agent runtime a base URL whose /models answers with the key', async () => {
    const { baseUrl } = await connectTo(platformCase, platformCase.goodKey);
    const response = await fetch(`${platformCase.platform.openAIBaseUrl(baseUrl)}/models`, {
      headers: { authorization: `Bearer ${platformCase.goodKey}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
  });
});
