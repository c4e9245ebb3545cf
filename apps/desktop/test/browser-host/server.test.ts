import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '@switchboard/core';
import { contentSecurityPolicy } from '@switchboard/shared';
import { memorySecretStore } from '../../../../packages/core/test/support/memory-secret-store.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src/browser-host/server.js';

const TOKEN = 'test-token-0123456789';
let host: BrowserHost;

interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** node:http rather than fetch, because fetch will not let a test forge Host or Origin. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const ownHost = () => `127.0.0.1:${host.port}`;
const apiCall = (headers: Record<string, string>, body = JSON.stringify({})) =>
  raw('POST', '/api/litellm:get-config', { 'content-type': 'application/json', host: ownHost(), ...headers }, body);

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-host-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
  host = await startBrowserHost({
    // Secrets are not what these tests are about: a map keeps them off the real keychain.
    ...createBackend({ userDataDir: join(dir, 'data'), secrets: memorySecretStore() }),
    rendererDir,
    token: TOKEN,
    port: 0,
  });
});
afterAll(() => host.close());

describe('the browser host', () => {
  it('listens on 127.0.0.1 only and prints an address with the token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers a call with the token through the same API', async () => {
    const response = await apiCall({ 'x-switchboard-token': TOKEN, origin: `http://${ownHost()}` });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      output: { url: 'http://localhost:4000', connected: false, keyStored: false, keyHint: null, selectedModel: null, savedAt: null },
    });
  });

  it.each([
    ['without a token', {}],
    ['with a wrong token', { 'x-switchboard-token': 'nope' }],
  ])('refuses an API call %s', async (_case, headers) => {
    const response = await apiCall(headers);
    expect(response.status).toBe(401);
    expect(response.body).not.toContain('connected');
  });

  it('refuses a foreign Host (DNS rebinding), even with the token', async () => {
    const response = await apiCall({ 'x-switchboard-token': TOKEN, host: `evil.example:${host.port}` });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Origin, even with the token', async () => {
    const response = await apiCall({ 'x-switchboard-token': TOKEN, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('validates input with the contract', async () => {
    const response = await raw(
      'POST',
      '/api/litellm:test-connection',
      { 'content-type': 'application/json', host: ownHost(), 'x-switchboard-token': TOKEN },
      JSON.stringify({ input: { url: 42 } }),
    );
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toMatch(/Invalid input for litellm:test-connection/);
  });

  it('refuses a channel that is not in the contract', async () => {
    const response = await raw('POST', '/api/shell:exec', { 'content-type': 'application/json', host: ownHost(), 'x-switchboard-token': TOKEN }, '{}');
    expect(response.status).toBe(404);
  });

  it('serves the renderer with the bridge script first and a CSP, and nothing outside its folder', async () => {
    const page = await raw('GET', '/', { host: ownHost() });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<head>\s*<script src="\/switchboard-bridge.js"><\/script>/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // The very policy Electron's window sends: one declaration serves both hosts.
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy());
    const escaped = await raw('GET', '/..%2fsecret.txt', { host: ownHost() });
    expect(escaped.status).toBe(404);
    expect(escaped.body).not.toContain('outside the renderer');
  });

  it('says so in a sentence when its port is taken', async () => {
    const backend = createBackend({ userDataDir: await mkdtemp(join(tmpdir(), 'switchboard-host-taken-')), secrets: memorySecretStore() });
    await expect(startBrowserHost({ ...backend, rendererDir: '/nonexistent', token: TOKEN, port: host.port })).rejects.toThrow(
      `Port ${host.port} on 127.0.0.1 is already in use. Choose another with --port`,
    );
  });
});
