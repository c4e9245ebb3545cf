import { request as httpsRequest } from 'node:https';
import { describe, expect, it } from 'vitest';
import { HUGE_BODY_BYTES, startLiteLLMServer, startStaticServer } from '../src/index.js';
import { loadTestCertificate } from '../src/tls.js';
import { MASTER, useServers } from './support.js';

const track = useServers();

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

describe('failure modes (every route)', () => {
  it('hang: accepts and records the request but never answers', async () => {
    const server = await track(startLiteLLMServer({ failure: 'hang' }));
    const error = await fetch(`${server.url}/v1/models`, { headers: MASTER, signal: AbortSignal.timeout(200) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(server.requests).toHaveLength(1);
  });

  it('slow-body: sends headers and a first chunk, then stalls', async () => {
    const server = await track(startLiteLLMServer({ failure: 'slow-body' }));
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/models`, { headers: MASTER, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^\{"data":\[/);
    expect(await Promise.race([reader.read(), timeout(300)])).toBe('timeout');
    controller.abort();
  });

  it('html: 200 text/html for API routes', async () => {
    const server = await track(startLiteLLMServer({ failure: 'html' }));
    const response = await fetch(`${server.url}/v1/models`, { headers: MASTER });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('invalid-json: 200 application/json that does not parse', async () => {
    const server = await track(startLiteLLMServer({ failure: 'invalid-json' }));
    const response = await fetch(`${server.url}/v1/models`, { headers: MASTER });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('wrong-shape: valid JSON without a data array', async () => {
    const server = await track(startLiteLLMServer({ failure: 'wrong-shape' }));
    const response = await fetch(`${server.url}/v1/models`, { headers: MASTER });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ foo: 1 });
  });

  it('huge-body: streams more than 20 MB of valid JSON without a content-length', async () => {
    const server = await track(startLiteLLMServer({ failure: 'huge-body' }));
    const response = await fetch(`${server.url}/v1/models`, { headers: MASTER });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let bytes = 0;
    let head = '';
    let tail = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      if (head.length < 20) head += decoder.decode(value.subarray(0, 20));
      tail = decoder.decode(value.subarray(-40));
    }
    expect(bytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(bytes).toBeGreaterThan(HUGE_BODY_BYTES);
    expect(head).toMatch(/^\{"data":\[\{"id":/);
    expect(tail).toMatch(/\],"object":"list"\}$/);
  });

  it('huge-body: a client that gives up early does not break the server', async () => {
    const server = await track(startLiteLLMServer({ failure: 'huge-body' }));
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/models`, { headers: MASTER, signal: controller.signal });
    await response.body!.getReader().read();
    controller.abort();
    server.update({ failure: null });
    expect((await fetch(`${server.url}/health/liveliness`)).status).toBe(200);
  });

  it("server-error: 500 in LiteLLM's error shape", async () => {
    const server = await track(startLiteLLMServer({ failure: 'server-error' }));
    const response = await fetch(`${server.url}/v1/models`, { headers: MASTER });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { message: 'Internal Server Error', type: 'internal_server_error', param: 'None', code: '500' } });
  });

  it('not-found: every route, liveliness included, is a FastAPI 404', async () => {
    const server = await track(startLiteLLMServer({ failure: 'not-found' }));
    for (const path of ['/v1/models', '/health/liveliness', '/model/info', '/']) {
      const response = await fetch(`${server.url}${path}`, { headers: MASTER });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ detail: 'Not Found' });
    }
  });

  it('redirect: 302 to redirectTo plus the same path; fetch drops Authorization at the other origin', async () => {
    const other = await track(startStaticServer({ '/v1/models': { contentType: 'application/json', body: '{"data":[]}' } }));
    const server = await track(startLiteLLMServer({ failure: 'redirect', redirectTo: other.url }));
    const manual = await fetch(`${server.url}/v1/models?x=1`, { headers: MASTER, redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe(`${other.url}/v1/models?x=1`);
    const followed = await fetch(`${server.url}/v1/models`, { headers: MASTER });
    expect(await followed.json()).toEqual({ data: [] });
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]?.headers['authorization']).toBeUndefined();
  });

  it('switches into and out of a failure while running (update)', async () => {
    const server = await track(startLiteLLMServer());
    expect((await fetch(`${server.url}/v1/models`, { headers: MASTER })).status).toBe(200);
    server.update({ failure: 'hang' });
    const error = await fetch(`${server.url}/v1/models`, { headers: MASTER, signal: AbortSignal.timeout(150) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    server.update({ failure: null });
    expect((await fetch(`${server.url}/v1/models`, { headers: MASTER })).status).toBe(200);
  });

  it('close() ends hanging and trickling responses at once', async () => {
    const server = await startLiteLLMServer({ failure: 'slow-body' });
    const response = await fetch(`${server.url}/v1/models`, { headers: MASTER });
    const reading = response.text().catch((e: unknown) => e);
    server.update({ failure: 'hang' });
    const hanging = fetch(`${server.url}/v1/models`, { headers: MASTER }).catch((e: unknown) => e);
    const started = Date.now();
    await server.close();
    expect(await reading).toBeInstanceOf(Error);
    expect(await hanging).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('tls', () => {
  it('serves https with a self-signed certificate that fetch refuses', async () => {
    const server = await track(startLiteLLMServer({ tls: true }));
    expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
    const error = (await fetch(`${server.url}/health/liveliness`).catch((e: unknown) => e)) as Error & { cause?: { code?: string } };
    expect(error).toBeInstanceOf(TypeError);
    expect(error.cause?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('answers normally to a client that trusts the test certificate', async () => {
    const server = await track(startLiteLLMServer({ tls: true }));
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(`${server.url}/health/liveliness`, { ca: loadTestCertificate().cert }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(body).toBe('"I\'m alive!"');
  });
});
