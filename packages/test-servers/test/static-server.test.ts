import { describe, expect, it } from 'vitest';
import { fixturesDir, loadPublicModelMap, startStaticServer } from '../src/index.js';
import { useServers } from './support.js';

const track = useServers();

describe('static server and fixtures', () => {
  it('finds the shared fixtures and parses the public map once', () => {
    expect(fixturesDir).toMatch(/shared[\\/]fixtures$/);
    const map = loadPublicModelMap();
    expect(Object.keys(map).length).toBe(2566);
    expect(loadPublicModelMap()).toBe(map);
    expect(map['gpt-4o']).toMatchObject({ litellm_provider: 'openai', max_input_tokens: 128000 });
  });

  it('serves fixed bodies by path, 404s the rest, and records what arrived', async () => {
    const server = await track(
      startStaticServer({
        '/map.json': { contentType: 'application/json', body: Buffer.from('{"a":1}') },
        '/teapot': { status: 418, contentType: 'text/plain', body: 'short and stout' },
      }),
    );
    const map = await fetch(`${server.url}/map.json?cache=no`, { headers: { authorization: 'Bearer sk-leak' } });
    expect(map.headers.get('content-type')).toBe('application/json');
    expect(await map.json()).toEqual({ a: 1 });
    expect((await fetch(`${server.url}/teapot`)).status).toBe(418);
    expect((await fetch(`${server.url}/missing`)).status).toBe(404);
    expect(server.requests.map((r) => r.path)).toEqual(['/map.json?cache=no', '/teapot', '/missing']);
    expect(server.requests[0]?.headers['authorization']).toBe('Bearer sk-leak');
  });
});
