// Run in a child process with no reachable Secret Service (see keychain.test.ts).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../src/api/create-api.js';
import { createKeytarSecretStore } from '../../src/store/secret-store.js';

const dir = mkdtempSync(join(tmpdir(), 'switchboard-nokeychain-'));
const api = createApi({ userDataDir: dir, secrets: createKeytarSecretStore('switchboard-test-nokeychain') });
const result = await api['litellm:set-config']({
  url: 'http://127.0.0.1:9',
  key: { mode: 'provided', value: 'sk-never-stored' },
  selectedModel: 'gpt-4o',
});
process.stdout.write(JSON.stringify({ result, settingsFiles: readdirSync(dir) }));
