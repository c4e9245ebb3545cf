import { DEFAULT_MASTER_KEY, startLiteLLMServer, type LiteLLMServer, type LiteLLMServerOptions } from '@switchboard/test-servers';
import { parseStreamInput, type StreamChannel, type StreamEvent, type StreamInput } from '@switchboard/shared';
import { afterEach, expect } from 'vitest';
import { createBackend, type AppApiOptions, type Backend } from '../../src/api/create-api.js';
import type { SecretStore } from '../../src/store/secret-store.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';

const tempDir = useTempDirs();
const servers: LiteLLMServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

export interface Scene {
  server: LiteLLMServer;
  backend: Backend;
  /** A new backend on the same folder and keychain: what a restart of the app gives. */
  restart(): Backend;
  secrets: SecretStore;
  dir: string;
}

/** A LiteLLM test server on loopback and a backend over a temp folder, connected to it with its master key. */
export async function litellmScene(options: LiteLLMServerOptions = {}, backend: Partial<AppApiOptions> = {}): Promise<Scene> {
  const server = await startLiteLLMServer(options);
  servers.push(server);
  const dir = await tempDir();
  const secrets = backend.secrets ?? memorySecretStore();
  // No public map: nothing may reach outside the machine.
  const restart = () => createBackend({ userDataDir: dir, secrets, env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map` }, ...backend });
  const scene = { server, backend: restart(), restart, secrets, dir };
  const saved = await scene.backend.api['litellm:set-config']({ url: server.url, key: { mode: 'provided', value: DEFAULT_MASTER_KEY }, selectedModel: 'gpt-4o' });
  expect(saved.ok).toBe(true);
  return scene;
}

/** Every event of a stream, its input checked by the contract first as both transports do. */
export async function collect<C extends StreamChannel>(backend: Backend, channel: C, input: StreamInput<C>, signal = new AbortController().signal): Promise<StreamEvent<C>[]> {
  const events: StreamEvent<C>[] = [];
  const stream = backend.streams[channel] as (input: unknown, signal: AbortSignal) => AsyncIterable<StreamEvent<C>>;
  for await (const event of stream(parseStreamInput(channel, input), signal)) events.push(event);
  return events;
}

/** The chat completions the server has received, other requests (model lists, metadata) left out. */
export const chatRequests = (server: LiteLLMServer) => server.requests.filter((request) => request.path.endsWith('/chat/completions'));
