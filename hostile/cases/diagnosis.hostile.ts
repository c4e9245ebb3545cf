import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '@switchboard/core';
import { DIAGNOSIS_STEPS, DiagnosisEventSchema, type DiagnoseInput, type DiagnosisEvent, type DiagnosisStep } from '@switchboard/shared';
import { expiredLeaf, startLiteLLMServer, startRawServer, startStaticServer, startTlsServer } from '@switchboard/test-servers';
import { afterEach, expect } from 'vitest';
import { memorySecretStore } from '../../packages/core/test/support/memory-secret-store.js';
import { hostileCases, type Probe } from '../support/hostile-cases.js';

const KEY = 'sk-hostile-diagnose-0123456789';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The real backend with a short request deadline, so a server that says nothing costs seconds, not the default ten. */
async function backend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-'));
  const made = createBackend({ userDataDir: dir, secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/no-map' }, overrides: { timeoutMs: 1500 } });
  cleanups.push(() => made.routes.close(), () => rm(dir, { recursive: true, force: true }));
  return made;
}

/** Runs the diagnosis as the renderer would see it, recording a throw as a crash; every event is checked against the contract. */
async function diagnose(probe: Probe, input: DiagnoseInput): Promise<DiagnosisEvent[]> {
  const { streams } = await backend();
  const events: DiagnosisEvent[] = [];
  try {
    for await (const event of streams['connection:diagnose'](input, new AbortController().signal)) {
      expect(DiagnosisEventSchema.safeParse(event).success, `event keeps the contract: ${JSON.stringify(event).slice(0, 300)}`).toBe(true);
      events.push(event);
    }
  } catch (error) {
    probe.crash(`the diagnosis threw: ${String(error)}`);
  }
  probe.noLeak('the diagnosis events and report', JSON.stringify(events), [KEY]);
  return events;
}

interface Attack {
  what: string;
  input(): Promise<DiagnoseInput>;
  failsAt: DiagnosisStep;
  says: RegExp;
  /** The bound a person would wait, at most. */
  withinMs?: number;
}

const key = { mode: 'provided' as const, value: KEY };
const server = async <T extends { close(): Promise<void> }>(started: Promise<T>): Promise<T> => {
  const running = await started;
  cleanups.push(() => running.close());
  return running;
};

const twentyMegabytes = `<!DOCTYPE html><html><head><title>Welcome</title></head><body>${'x'.repeat(20 * 1024 * 1024)}</body></html>`;

const ATTACKS: Attack[] = [
  {
    what: 'a 20 MB HTML page at every address',
    input: async () => {
      const page = { contentType: 'text/html', body: twentyMegabytes };
      const running = await server(startStaticServer({ '/health/liveliness': page, '/v1/models': page }));
      return { platform: 'litellm', url: running.url, key };
    },
    failsAt: 'alive',
    says: /answered with a web page/,
    withinMs: 5000,
  },
  {
    what: 'a redirect loop',
    input: async () => {
      const loop = { status: 302, contentType: 'text/plain', body: '', headers: { location: '/v1/models' } };
      const running = await server(startStaticServer({ '/v1/models': loop }));
      return { platform: 'custom', url: running.url, key };
    },
    failsAt: 'models',
    says: /redirected too many times/,
  },
  {
    what: 'a server that accepts TCP, then says nothing',
    input: async () => ({ platform: 'litellm', url: (await server(startRawServer(null))).url, key }),
    failsAt: 'alive',
    says: /did not answer within 1\.5 s/,
    withinMs: 5000,
  },
  {
    what: 'a TLS server whose certificate expired a day ago',
    input: async () => {
      const litellm = await server(startLiteLLMServer());
      return { platform: 'litellm', url: (await server(startTlsServer({ ...(await expiredLeaf(['127.0.0.1'])), forwardTo: litellm.url }))).url, key };
    },
    failsAt: 'tls',
    says: /has expired/,
  },
  {
    what: 'a DNS name of 300 characters',
    input: async () => ({ platform: 'litellm', url: `http://${Array.from({ length: 5 }, () => 'a'.repeat(59)).join('.')}.test:4000`, key }),
    failsAt: 'dns',
    says: /characters long; no name in DNS is longer than 253/,
  },
  { what: 'a URL with credentials', input: async () => ({ platform: 'litellm', url: 'http://admin:hunter2@127.0.0.1:4000', key }), failsAt: 'url', says: /Remove the user name and password/ },
  { what: 'a file: URL', input: async () => ({ platform: 'custom', url: 'file:///etc/shadow', key }), failsAt: 'url', says: /Only http:\/\/ and https:\/\// },
  { what: 'a javascript: URL', input: async () => ({ platform: 'litellm', url: 'javascript:fetch("//evil")', key }), failsAt: 'url', says: /Only http:\/\/ and https:\/\// },
];

const attackCases = ATTACKS.map((attack) => ({
  name: `diagnosis: ${attack.what} fails at ${attack.failsAt} with a sentence, the steps after it skipped`,
  async run(probe: Probe) {
    const input = await attack.input();
    const started = performance.now();
    const events = await diagnose(probe, input);
    if (attack.withinMs !== undefined) expect(performance.now() - started).toBeLessThan(attack.withinMs);
    const finals = events.filter((event) => event.type === 'step' && event.state !== 'running');
    expect(finals.map((event) => event.type === 'step' && event.step)).toEqual([...DIAGNOSIS_STEPS]);
    const failed = finals.filter((event) => event.type === 'step' && event.state === 'fail');
    expect(failed.map((event) => event.type === 'step' && event.step)).toEqual([attack.failsAt]);
    const after = DIAGNOSIS_STEPS.slice(DIAGNOSIS_STEPS.indexOf(attack.failsAt) + 1);
    expect(finals.filter((event) => event.type === 'step' && after.includes(event.step)).every((event) => event.type === 'step' && event.state === 'skip')).toBe(true);
    const end = events.at(-1);
    expect(end?.type).toBe('error');
    if (end?.type === 'error') expect(end.error.message).toMatch(attack.says);
  },
}));

const proxyCase = {
  name: 'diagnosis: a proxy that answers CONNECT with garbage fails at tcp, naming the proxy',
  async run(probe: Probe) {
    const garbage = await server(startRawServer('\u0000\u0001 not http at all \r\n\r\n'));
    const made = await backend();
    expect(await made.api['network:set-proxy']({ mode: 'url', url: garbage.url, username: null, password: { mode: 'none' } })).toMatchObject({ ok: true });
    const events: DiagnosisEvent[] = [];
    try {
      for await (const event of made.streams['connection:diagnose']({ platform: 'litellm', url: 'https://litellm.corp.test:4443', key }, new AbortController().signal)) events.push(event);
    } catch (error) {
      probe.crash(`the diagnosis threw: ${String(error)}`);
    }
    probe.noLeak('the diagnosis events and report', JSON.stringify(events), [KEY]);
    const tcp = events.find((event) => event.type === 'step' && event.step === 'tcp' && event.state !== 'running');
    expect(tcp).toMatchObject({ state: 'fail', detail: expect.stringContaining(`The proxy ${garbage.url} answered the CONNECT with something that is not HTTP`) });
    expect(events.at(-1)?.type).toBe('error');
  },
};

hostileCases([...attackCases, proxyCase]);
