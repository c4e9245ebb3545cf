import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../src/api/create-api.js';
import { missingSecretServiceTools, NO_PRIVATE_SECRET_SERVICE, startSilentBus } from './support/private-secret-service.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

describe.skipIf(missingSecretServiceTools.length > 0)(`the keychain deadline set in Settings${missingSecretServiceTools.length ? ` (${NO_PRIVATE_SECRET_SERVICE})` : ''}`, () => {
  it('bounds every keychain call of the app: a Secret Service that never answers costs the set time, not 25 s', async () => {
    const silent = await startSilentBus();
    running.push(silent);
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, keychain: { timeoutMs: 700 } }));
    const api = createApi({ userDataDir: dir, env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: silent.address } });
    const started = performance.now();
    const saved = await api['litellm:set-config']({ url: 'http://127.0.0.1:9', key: { mode: 'provided', value: 'sk-deadline-1234' }, selectedModel: 'gpt-4o' });
    const took = performance.now() - started;
    expect(saved.ok ? null : saved.error.kind).toBe('keychain-timeout');
    expect(saved.ok ? '' : saved.error.message).not.toContain('sk-deadline-1234');
    // The set 0.7 s (twice at most: a call that finds no keychain is tried once more), far below the 4 s default.
    expect(took).toBeLessThan(3_000);
    expect((await api['litellm:get-config'](undefined)).connected).toBe(false);
  });
});
