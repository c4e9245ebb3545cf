import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type FetchLike } from '@switchboard/core';
import type { SwitchboardApi, SwitchboardStreams } from '@switchboard/shared';
import { memorySecretStore } from '../../../../packages/core/test/support/memory-secret-store.js';
import {
  DEFAULT_MASTER_KEY,
  startLiteLLMServer,
  startOpenRouterServer,
  type LiteLLMServer,
  type RunningServer,
} from '../../../../packages/test-servers/src/index.js';
import type { InputVocabulary } from './channel-inputs.js';

/** Anything but 127.0.0.1 is refused before a byte is sent: generated inputs must never reach the network. */
export function loopbackOnly(fetchImpl: typeof fetch): FetchLike {
  return (url, init) => {
    let hostname = '';
    try {
      hostname = new URL(url).hostname;
    } catch {
      // An address that does not parse is the API's to refuse; fetch will.
    }
    if (hostname !== '127.0.0.1') return Promise.reject(new TypeError(`fetch failed: the property tests refuse ${hostname || 'that address'}`));
    return fetchImpl(url, init);
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ContractFixture {
  api: SwitchboardApi;
  streams: SwitchboardStreams;
  /** The LiteLLM proxy behind the fixture, for a stream's pace and its hang-up counter. */
  litellm: LiteLLMServer;
  vocabulary: InputVocabulary;
  close(): Promise<void>;
}

/**
 * The real API on a temp user-data folder, a memory keychain, a temp home
 * and opencode config, and real LiteLLM/OpenRouter servers on loopback, so
 * that well-shaped inputs do real work; every fetch, the global one included
 * (the public model map uses it), is held to 127.0.0.1.
 */
export async function startContractFixture(): Promise<ContractFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-contract-'));
  const litellm = await startLiteLLMServer();
  const openrouter = await startOpenRouterServer();
  const servers: RunningServer[] = [litellm, openrouter];
  const nowhere = `http://127.0.0.1:${await closedPort()}`;
  const realFetch = globalThis.fetch;
  globalThis.fetch = loopbackOnly(realFetch) as typeof fetch;
  const { api, streams } = createBackend({
    userDataDir: join(dir, 'data'),
    secrets: memorySecretStore(),
    env: {
      SWITCHBOARD_OPENCODE_CONFIG: join(dir, 'opencode', 'opencode.json'),
      SWITCHBOARD_OPENROUTER_BASE_URL: `${openrouter.url}/api/v1`,
      SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${nowhere}/model_prices_and_context_window.json`,
    },
    overrides: { fetch: loopbackOnly(realFetch), home: join(dir, 'home'), timeoutMs: 2_000 },
  });
  return {
    api,
    streams,
    litellm,
    vocabulary: {
      urls: [litellm.url, `${litellm.url}/v1/`, nowhere, 'http://localhost:4000', 'https://openrouter.ai/api/v1', 'file:///etc/passwd', 'http://user:pw@127.0.0.1:1'],
      keys: [DEFAULT_MASTER_KEY, 'sk-or-v1-test', 'sk-property-test-key-0001'],
    },
    async close() {
      globalThis.fetch = realFetch;
      await Promise.all(servers.map((server) => server.close()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Rejects when `work` takes longer than `ms`: a hang is a failure, not a slow test. */
export function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
