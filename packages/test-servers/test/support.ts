import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { fixturesDir } from '../src/index.js';
import type { RunningServer } from '../src/index.js';

export interface RecordedCase {
  request: string;
  status: number;
  content_type: string;
  body: unknown;
}

export const litellmDir = join(fixturesDir, 'litellm-1.81.12');

export const recorded = JSON.parse(readFileSync(join(litellmDir, 'responses.json'), 'utf8')) as Record<string, RecordedCase>;

export function recordedCase(name: string): RecordedCase {
  const found = recorded[name];
  if (!found) throw new Error(`no recorded case ${name}`);
  return found;
}

export const MASTER = { authorization: 'Bearer sk-master-1234' };

/** Closes every server a test started, even when the test failed half-way. */
export function useServers(): <T extends RunningServer>(server: Promise<T>) => Promise<T> {
  const open: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (starting) => {
    const server = await starting;
    open.push(server);
    return server;
  };
}
