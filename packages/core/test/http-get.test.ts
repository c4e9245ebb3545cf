import { startStaticServer, type RunningServer } from '@switchboard/test-servers';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpGet } from '../src/http/index.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A server whose first path redirects to a second path on the same origin. */
async function sameOriginRedirect(): Promise<{ url: string; seen: Array<string | undefined> }> {
  const seen: Array<string | undefined> = [];
  const server = createServer((request, response) => {
    seen.push(request.headers.authorization);
    if (request.url === '/old/v1/models') {
      response.writeHead(301, { location: '/new/v1/models' }).end();
    } else {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('httpGet', () => {
  it('follows a redirect within the same origin, keeping the key', async () => {
    const server = await sameOriginRedirect();
    const response = await httpGet(fetch, `${server.url}/old/v1/models`, {
      headers: { authorization: 'Bearer sk-1' },
      timeoutMs: 5000,
      maxBytes: 1000,
    });
    expect(response.status).toBe(200);
    expect(server.seen).toEqual(['Bearer sk-1', 'Bearer sk-1']);
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    const server: RunningServer = await startStaticServer({
      '/big': { contentType: 'application/json', body: 'x'.repeat(5000) },
    });
    closers.push(() => server.close());
    await expect(httpGet(fetch, `${server.url}/big`, { timeoutMs: 5000, maxBytes: 100 })).rejects.toMatchObject({ kind: 'too-large' });
  });
});
