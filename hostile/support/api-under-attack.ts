import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '@switchboard/core';
import type { SwitchboardApi } from '@switchboard/shared';
import { startStaticServer, type RunningServer, type StaticRoute } from '@switchboard/test-servers';
import { afterEach } from 'vitest';
import { memorySecretStore } from '../../packages/core/test/support/memory-secret-store.js';

export interface ApiUnderAttack {
  api: SwitchboardApi;
  /** The hostile server, answering exactly the routes given. */
  server: RunningServer;
  dir: string;
  opencodeConfig: string;
  /** The same folder opened again, as after a restart. */
  reopen(): SwitchboardApi;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/**
 * The real API object on a temporary folder, talking to a loopback server
 * that answers whatever a case gives it. Keys live in memory: these cases are
 * about what a server says, not about the keychain.
 */
export async function apiAgainst(routes: Record<string, StaticRoute>): Promise<ApiUnderAttack> {
  const server = await startStaticServer(routes);
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-hostile-'));
  cleanups.push(() => server.close(), () => rm(dir, { recursive: true, force: true }));
  const opencodeConfig = join(dir, 'opencode', 'opencode.json');
  const secrets = memorySecretStore();
  const open = () =>
    createApi({
      userDataDir: join(dir, 'data'),
      secrets,
      // The public map is fetched from the same hostile server, which has none: the proxy's word is all there is.
      env: { SWITCHBOARD_OPENCODE_CONFIG: opencodeConfig, SWITCHBOARD_PUBLIC_MODEL_MAP_URL: `${server.url}/no-map.json` },
      overrides: { home: dir },
    });
  return { api: open(), server, dir, opencodeConfig, reopen: open };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): StaticRoute => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
  headers,
});

export const modelList = (ids: readonly unknown[]): StaticRoute => json({ object: 'list', data: ids.map((id) => ({ id, object: 'model', owned_by: 'openai' })) });
