import { writeFile } from 'node:fs/promises';
import { contract } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api/create-api.js';
import { memorySecretStore } from './support/memory-secret-store.js';
import { keptCopies, settingsFile } from './support/settings-folder.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

describe('app:get-notices', () => {
  it('names the kept copy of a settings file the app could not read, and answers within the contract', async () => {
    const dir = await tempDir();
    await writeFile(settingsFile(dir), '{"platforms": {');
    const api = createApi({ userDataDir: dir, secrets: memorySecretStore() });
    const notices = await api['app:get-notices'](undefined);
    const [kept] = await keptCopies(dir);
    expect(notices).toEqual([{ kind: 'settings-kept-aside', message: expect.stringContaining(kept ?? 'a kept copy') }]);
    expect(contract['app:get-notices'].output.parse(notices)).toEqual(notices);
  });

  it('is empty after a clean start', async () => {
    const api = createApi({ userDataDir: await tempDir(), secrets: memorySecretStore() });
    expect(await api['app:get-notices'](undefined)).toEqual([]);
  });
});
